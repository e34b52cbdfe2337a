import type { QuestionnaireSection } from "@/lib/classification/types";

// Art 6(1): the product-safety route to high risk. Both limbs must be true, which is why the
// second question only appears after the first is answered "yes".
export const PRODUCT_SAFETY_SECTION = {
  id: "product_safety",
  title: "Products covered by EU product-safety legislation (Art 6(1))",
  intro:
    "An AI system is high-risk if it is, or is a safety component of, a product regulated by the EU harmonisation legislation listed in Annex I and that product must pass a third-party conformity assessment.",
  questions: [
    {
      id: "annex1_product",
      title: "Safety component or product under Annex I legislation",
      text: "Is the AI system intended to be used as a safety component of a product, or is the AI system itself a product, covered by the Union harmonisation legislation listed in Annex I?",
      help: "Annex I lists, among others, the rules on machinery, toys, recreational craft, lifts, equipment for explosive atmospheres, radio equipment, pressure equipment, cableways, personal protective equipment, gas appliances, medical devices and in vitro diagnostic medical devices (Section A), and on civil aviation, motor vehicles, agricultural vehicles, marine equipment and rail (Section B). A 'safety component' fulfils a safety function for the product, or its failure or malfunction endangers health, safety or property (Art 3(14)).",
      legalRef: "Art 6(1)(a)",
      kind: "boolean",
    },
    {
      id: "annex1_third_party_assessment",
      title: "Third-party conformity assessment required",
      text: "Under that Annex I legislation, must the product (or the AI system as a product) undergo a third-party conformity assessment before it is placed on the market or put into service?",
      help: "For example, most medical devices in class IIa or higher under Regulation (EU) 2017/745 need a notified body. If the sectoral law lets the manufacturer self-certify, this condition is not met.",
      legalRef: "Art 6(1)(b)",
      kind: "boolean",
      ifUnanswered: true,
      showIf: { question: "annex1_product", equals: true },
    },
    {
      id: "annex1_section_b",
      title: "Product under Annex I Section B",
      text: "Is that legislation listed in Annex I Section B: civil aviation security, two- or three-wheel vehicles and quadricycles, agricultural and forestry vehicles, marine equipment, rail interoperability, motor vehicles and their trailers, or civil aviation (EASA)?",
      help: "For Section B products, only Art 6(1), Art 102-109 and Art 112 of the AI Act apply (Art 2(2)): the high-risk requirements reach the product through the sectoral act, whose delegated and implementing acts must take them into account, rather than binding its operators directly. Section A (machinery, toys, medical devices, radio equipment, …) brings the AI Act requirements into the sectoral conformity assessment (Art 43(3)). Answer 'No' for Section A.",
      legalRef: "Art 2(2)",
      kind: "boolean",
      ifUnanswered: false,
      showIf: { question: "annex1_product", equals: true },
    },
  ],
} as const satisfies QuestionnaireSection;
