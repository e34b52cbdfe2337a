import type { QuestionnaireSection } from "@/lib/classification/types";

// Chapter V: general-purpose AI models. These obligations attach to the *model provider*, which
// is why the gateway question warns app builders who merely call someone else's model.
export const GPAI_SECTION = {
  id: "gpai",
  title: "General-purpose AI models (Art 51-55)",
  intro:
    "Providers of general-purpose AI models have their own obligations, and more of them when the model has systemic risk. Answer these only if you develop the model itself, or have it developed, and place it on the EU market.",
  questions: [
    {
      id: "is_gpai_model",
      title: "General-purpose AI model",
      text: "Do you develop a general-purpose AI model (or have one developed) and place it on the market under your name, whether on its own or built into your own AI system: a model, typically trained on a large amount of data using self-supervision at scale, that displays significant generality, can competently perform a wide range of distinct tasks and can be integrated into a variety of downstream systems or applications?",
      help: "A model you build into your own AI system and make available or put into service is placed on the market with that system: you are its provider even if the model is never offered separately (Recital 97). Models used only for research, development or prototyping before being placed on the market are not covered (Art 3(63)). If you only build an application on top of another provider's model, answer 'No': the model's obligations stay with its provider, unless your modifications make you the provider of a new model.",
      legalRef: "Art 3(63)",
      kind: "boolean",
    },
    {
      id: "gpai_high_impact_capabilities",
      title: "High-impact capabilities",
      text: "Has the model been evaluated, using appropriate technical tools and methodologies including indicators and benchmarks, as having high-impact capabilities, i.e. capabilities that match or exceed those of the most advanced general-purpose AI models?",
      help: "A model with high-impact capabilities is a general-purpose AI model with systemic risk (Art 51(1)(a), Art 3(64)).",
      legalRef: "Art 51(1)(a)",
      kind: "boolean",
      ifUnanswered: true,
      showIf: { question: "is_gpai_model", equals: true },
    },
    {
      id: "gpai_compute_above_threshold",
      title: "Training compute above 10^25 FLOPs",
      text: "Was the cumulative amount of computation used to train the model greater than 10^25 floating-point operations (FLOPs)?",
      help: "Above this threshold the model is presumed to have high-impact capabilities (Art 51(2)): a presumption, not the end of the matter. The provider must notify the Commission within two weeks of the threshold being met or becoming known (Art 52(1)) and may present arguments that the model, exceptionally, does not present systemic risks (Art 52(2)); the next question asks whether the Commission accepted them.",
      legalRef: "Art 51(2)",
      kind: "boolean",
      ifUnanswered: true,
      showIf: { question: "is_gpai_model", equals: true },
    },
    {
      id: "gpai_commission_designated",
      title: "Designated by the Commission",
      text: "Has the Commission designated the model as having systemic risk, ex officio or following a qualified alert from the scientific panel, on the basis of the criteria in Annex XIII?",
      help: "Annex XIII criteria include the number of parameters, the size of the training data set, training compute, input and output modalities, benchmark results and reach (for example at least 10 000 registered EU business users).",
      legalRef: "Art 51(1)(b)",
      kind: "boolean",
      ifUnanswered: true,
      showIf: { question: "is_gpai_model", equals: true },
    },
    {
      id: "gpai_systemic_rebuttal_accepted",
      title: "Commission accepted the arguments against systemic risk",
      text: "Did you present arguments with your notification that the model, despite meeting the high-impact condition, exceptionally does not present systemic risks, and has the Commission accepted them (not rejected them as insufficiently substantiated)?",
      help: "A provider may argue that, due to its specific characteristics, a model meeting the Art 51(1)(a) condition does not present systemic risks (Art 52(2)). Only if the Commission does not reject the arguments is the model not considered a model with systemic risk; if they are not sufficiently substantiated, it remains one (Art 52(3)). Answer 'No' while the Commission has not decided.",
      legalRef: "Art 52(2)-(3)",
      kind: "boolean",
      ifUnanswered: false,
      showIf: {
        anyOf: [
          { question: "gpai_high_impact_capabilities", equals: true },
          { question: "gpai_compute_above_threshold", equals: true },
        ],
      },
    },
    {
      id: "gpai_designation_reassessed",
      title: "Designation lifted on reassessment",
      text: "Has the Commission, on reassessment at your reasoned request, decided that the designated model no longer presents systemic risk?",
      help: "A provider may ask, no earlier than six months after the designation, for a reassessment based on objective, detailed and new reasons; the Commission may then decide that the model is no longer a model with systemic risk (Art 52(5)). Answer 'No' while no such decision has been taken.",
      legalRef: "Art 52(5)",
      kind: "boolean",
      ifUnanswered: false,
      showIf: { question: "gpai_commission_designated", equals: true },
    },
    {
      id: "gpai_open_source",
      title: "Free and open-source release",
      text: "Is the model released under a free and open-source licence that allows access, use, modification and distribution, with its parameters (including weights), architecture and usage information made publicly available?",
      help: "Such models are exempt from the documentation duties in Art 53(1)(a) and (b), but not from the copyright policy and training-content summary, and not at all if the model has systemic risk (Art 53(2)).",
      legalRef: "Art 53(2)",
      kind: "boolean",
      ifUnanswered: false,
      showIf: { question: "is_gpai_model", equals: true },
    },
  ],
} as const satisfies QuestionnaireSection;
