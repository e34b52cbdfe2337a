import type { QuestionOption } from "@/lib/classification/types";

// The Annex III high-risk use cases (Art 6(2)), one option per point or sub-point. Values are the
// point numbers so that stored answers stay readable and stable if labels are reworded.
// Points 1, 6 and 7 apply only in so far as the use is permitted under Union or national law.
export const ANNEX_III_OPTIONS = [
  {
    value: "1a",
    label: "Biometrics: remote biometric identification",
    legalRef: "Annex III point 1(a)",
    help: "Identifying people at a distance by comparing their biometric data with a reference database. Excludes biometric verification whose sole purpose is to confirm that a person is who they claim to be.",
  },
  {
    value: "1b",
    label: "Biometrics: categorisation by sensitive or protected attributes",
    legalRef: "Annex III point 1(b)",
    help: "Biometric categorisation according to sensitive or protected attributes or characteristics inferred from biometric data. 'Sensitive or protected' means the special categories of personal data protected under Art 9(1) GDPR (racial or ethnic origin, political opinions, religious or philosophical beliefs, trade union membership, health, sex life or sexual orientation) (Recital 54). Inferring race, political opinions, trade union membership, religious or philosophical beliefs, sex life or sexual orientation is prohibited (Art 5(1)(g)) except for labelling or filtering lawfully acquired datasets and law-enforcement categorisation; categorisation that is merely ancillary to another commercial service is not a biometric categorisation system at all (Recital 16).",
  },
  {
    value: "1c",
    label: "Biometrics: emotion recognition",
    legalRef: "Annex III point 1(c)",
    help: "Any emotion recognition system, i.e. one that infers emotions or intentions from biometric data.",
  },
  {
    value: "2",
    label: "Critical infrastructure: safety components",
    legalRef: "Annex III point 2",
    help: "Safety components in the management and operation of critical digital infrastructure, road traffic, or the supply of water, gas, heating or electricity.",
  },
  {
    value: "3a",
    label: "Education: access, admission or assignment",
    legalRef: "Annex III point 3(a)",
    help: "Determining access or admission to, or assigning people to, educational and vocational training institutions at all levels.",
  },
  {
    value: "3b",
    label: "Education: evaluating learning outcomes",
    legalRef: "Annex III point 3(b)",
    help: "Evaluating learning outcomes, including when those outcomes are used to steer the learning process.",
  },
  {
    value: "3c",
    label: "Education: assessing the appropriate level of education",
    legalRef: "Annex III point 3(c)",
    help: "Assessing the appropriate level of education a person will receive or be able to access.",
  },
  {
    value: "3d",
    label: "Education: monitoring prohibited behaviour during tests",
    legalRef: "Annex III point 3(d)",
    help: "Monitoring and detecting prohibited behaviour of students during tests, e.g. automated exam proctoring.",
  },
  {
    value: "4a",
    label: "Employment: recruitment and selection",
    legalRef: "Annex III point 4(a)",
    help: "Recruitment or selection of people, in particular placing targeted job advertisements, analysing and filtering job applications, and evaluating candidates.",
  },
  {
    value: "4b",
    label: "Employment: decisions on work relationships and worker monitoring",
    legalRef: "Annex III point 4(b)",
    help: "Decisions affecting terms of work-related relationships, promotion or termination; allocating tasks based on individual behaviour or personal traits; monitoring and evaluating the performance and behaviour of workers.",
  },
  {
    value: "5a",
    label: "Essential services: eligibility for public assistance benefits",
    legalRef: "Annex III point 5(a)",
    help: "Used by or on behalf of public authorities to evaluate eligibility for essential public assistance benefits and services, including healthcare, or to grant, reduce, revoke or reclaim them.",
  },
  {
    value: "5b",
    label: "Essential services: creditworthiness and credit scoring",
    legalRef: "Annex III point 5(b)",
    help: "Evaluating the creditworthiness of natural persons or establishing their credit score. Systems used to detect financial fraud are excluded.",
  },
  {
    value: "5c",
    label: "Essential services: life and health insurance risk and pricing",
    legalRef: "Annex III point 5(c)",
    help: "Risk assessment and pricing in relation to natural persons for life and health insurance.",
  },
  {
    value: "5d",
    label: "Essential services: emergency calls, dispatch and patient triage",
    legalRef: "Annex III point 5(d)",
    help: "Evaluating and classifying emergency calls, dispatching or prioritising emergency first-response services (police, firefighters, medical aid), and emergency healthcare patient triage.",
  },
  {
    value: "6a",
    label: "Law enforcement: risk of becoming a victim of crime",
    legalRef: "Annex III point 6(a)",
    help: "Used by or on behalf of law-enforcement authorities, or EU bodies supporting them, to assess the risk of a person becoming the victim of criminal offences.",
  },
  {
    value: "6b",
    label: "Law enforcement: polygraphs and similar tools",
    legalRef: "Annex III point 6(b)",
    help: "Polygraphs or similar tools used by or on behalf of law-enforcement authorities.",
  },
  {
    value: "6c",
    label: "Law enforcement: evaluating the reliability of evidence",
    legalRef: "Annex III point 6(c)",
    help: "Evaluating the reliability of evidence in the investigation or prosecution of criminal offences.",
  },
  {
    value: "6d",
    label: "Law enforcement: risk of offending or re-offending",
    legalRef: "Annex III point 6(d)",
    help: "Assessing the risk of a person offending or re-offending not solely on the basis of profiling, or assessing personality traits, characteristics or past criminal behaviour of people or groups.",
  },
  {
    value: "6e",
    label: "Law enforcement: profiling in criminal matters",
    legalRef: "Annex III point 6(e)",
    help: "Profiling of natural persons (Art 3(4) of Directive (EU) 2016/680) in the detection, investigation or prosecution of criminal offences. This use is profiling by definition, so the Art 6(3) derogation can never apply to it.",
  },
  {
    value: "7a",
    label: "Migration and border control: polygraphs and similar tools",
    legalRef: "Annex III point 7(a)",
    help: "Polygraphs or similar tools used by or on behalf of competent public authorities in migration, asylum or border control.",
  },
  {
    value: "7b",
    label: "Migration and border control: risk assessment of persons",
    legalRef: "Annex III point 7(b)",
    help: "Assessing a security risk, a risk of irregular migration or a health risk posed by a person who intends to enter or has entered the territory of a Member State.",
  },
  {
    value: "7c",
    label: "Migration and border control: asylum, visa and residence applications",
    legalRef: "Annex III point 7(c)",
    help: "Assisting competent authorities to examine applications for asylum, visas or residence permits and related complaints, including related assessments of the reliability of evidence.",
  },
  {
    value: "7d",
    label: "Migration and border control: detecting or identifying persons",
    legalRef: "Annex III point 7(d)",
    help: "Detecting, recognising or identifying people in the context of migration, asylum or border control, except the verification of travel documents.",
  },
  {
    value: "8a",
    label: "Justice: assisting judicial authorities",
    legalRef: "Annex III point 8(a)",
    help: "Used by or on behalf of a judicial authority to research and interpret facts and the law and apply the law to a concrete set of facts, or used in a similar way in alternative dispute resolution.",
  },
  {
    value: "8b",
    label: "Democratic processes: influencing elections or voting",
    legalRef: "Annex III point 8(b)",
    help: "Intended to influence the outcome of an election or referendum or people's voting behaviour. Excludes tools whose output people are not directly exposed to, such as tools that organise, optimise or structure political campaigns administratively or logistically.",
  },
] as const satisfies readonly QuestionOption[];
