import { cardFields } from "./card-fields";
import type { CardSource } from "./internal";

/** Only the keys of the Model Card Toolkit schema v0.0.2 (its top level allows no others). */
export type MctCard = {
  schema_version: "0.0.2";
  model_details: {
    name: string;
    overview?: string;
    owners?: { name: string; contact?: string }[];
    version?: { name: string };
    licenses?: ({ identifier: string } | { custom_text: string })[];
    references?: { reference: string }[];
  };
  model_parameters: { model_architecture?: string; data?: { name: string; link?: string; sensitive?: { sensitive_data: string[] }; description?: string }[] };
  quantitative_analysis: { performance_metrics: { type: string; value: string; slice?: string }[] };
  considerations: {
    users?: { description: string }[];
    use_cases?: { description: string }[];
    limitations?: { description: string }[];
    ethical_considerations?: { name: string; mitigation_strategy?: string }[];
  };
};

function isHttpUrl(value: string): boolean {
  return /^https?:\/\/\S+$/i.test(value);
}

/**
 * The same card as Model Card Toolkit JSON (schema v0.0.2): metric values are strings there, and the
 * scanner test or dataset a result is for is its `slice`. Pure.
 */
export function buildMctCard(source: CardSource): MctCard {
  const f = cardFields(source);
  const { system } = source;
  const card: MctCard = {
    schema_version: "0.0.2",
    model_details: { name: f.name },
    model_parameters: {},
    quantitative_analysis: {
      performance_metrics: f.evalResults.map((r) => ({
        type: r.metricName ? `${r.metric} (${r.metricName})` : r.metric,
        value: String(r.value),
        slice: [r.taskName ?? r.task, r.datasetName ?? r.dataset, r.datasetSplit].filter(Boolean).join(" / "),
      })),
    },
    considerations: {},
  };
  if (system.description) card.model_details.overview = system.description;
  if (system.ownerName) card.model_details.owners = [{ name: system.ownerName, ...(system.ownerEmail ? { contact: system.ownerEmail } : {}) }];
  if (f.version) card.model_details.version = { name: f.version };
  if (f.licenceName) card.model_details.licenses = [{ custom_text: f.licenceLink ? `${f.licenceName} (${f.licenceLink})` : f.licenceName }];
  else if (f.licence) card.model_details.licenses = [{ identifier: f.licence }];
  if (isHttpUrl(f.sourceUrl)) card.model_details.references = [{ reference: f.sourceUrl }];
  const architecture = [system.modelType, f.baseModels.length ? `based on ${f.baseModels.join(", ")}` : ""].filter(Boolean).join(", ");
  if (architecture) card.model_parameters.model_architecture = architecture;
  const data = f.datasets.map((name) => ({
    name,
    ...(system.dataCategories.length ? { sensitive: { sensitive_data: system.dataCategories.map((c) => c.replace(/_/g, " ")) } } : {}),
  }));
  if (data.length) card.model_parameters.data = data;
  if (system.affectedPersons) card.considerations.users = [{ description: `People affected: ${system.affectedPersons}` }];
  const useCases = [system.purpose, system.deploymentContext].filter(Boolean);
  if (useCases.length) card.considerations.use_cases = useCases.map((description) => ({ description }));
  card.considerations.limitations = [{ description: "Any use outside the purpose and deployment context above has not been assessed." }];
  if (system.humanOversight) card.considerations.ethical_considerations = [{ name: "Human oversight", mitigation_strategy: system.humanOversight }];
  return card;
}
