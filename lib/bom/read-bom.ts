import * as CDX from "@cyclonedx/cyclonedx-library";
import { AppError, type FieldIssue } from "@/lib/errors";
import { BOM_PROPERTY, type BomComponent } from "./bom-component";

export type ReadBom = {
  specVersion: string;
  components: (Omit<BomComponent, "id"> & { bomRef: string | null })[];
  /** Entries that are not models, datasets or services (libraries, files, …), left out. */
  skipped: { name: string; type: string }[];
};

const VERSIONS: Record<string, CDX.Spec.Version> = {
  "1.6": CDX.Spec.Version.v1dot6,
  "1.5": CDX.Spec.Version.v1dot5,
  "1.4": CDX.Spec.Version.v1dot4,
};

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === "string" ? v.trim() : "");

function licenceOf(entry: Json): string {
  const first = obj(arr(entry.licenses)[0]);
  if (str(first.expression)) return str(first.expression);
  const licence = obj(first.license);
  return str(licence.id) || str(licence.name);
}

function props(entry: Json, name: string): string[] {
  return arr(entry.properties)
    .map(obj)
    .filter((p) => p.name === name)
    .map((p) => str(p.value))
    .filter(Boolean);
}

function fields(entry: Json, kind: BomComponent["kind"]) {
  const sha256 =
    arr(entry.hashes)
      .map(obj)
      .find((h) => h.alg === "SHA-256")?.content ?? props(entry, BOM_PROPERTY.sha256)[0];
  const url = arr(entry.externalReferences)
    .map(obj)
    .map((r) => str(r.url))
    .find((u) => /^https?:\/\/\S+$/i.test(u));
  return {
    bomRef: str(entry["bom-ref"]) || null,
    kind,
    name: str(entry.name).slice(0, 200),
    version: str(entry.version).slice(0, 100),
    sourceUrl: (url ?? "").slice(0, 2000),
    licence: licenceOf(entry).slice(0, 100),
    sha256: typeof sha256 === "string" && /^[0-9a-fA-F]{64}$/.test(sha256) ? sha256.toLowerCase() : "",
    baseModels: props(entry, BOM_PROPERTY.baseModel),
    languages: props(entry, BOM_PROPERTY.language),
    datasets: props(entry, BOM_PROPERTY.dataset),
    pipelineTag: props(entry, BOM_PROPERTY.pipelineTag)[0] ?? "",
    libraryName: props(entry, BOM_PROPERTY.libraryName)[0] ?? "",
  };
}

function validationIssues(error: unknown): FieldIssue[] {
  const list = Array.isArray(error) ? error : [error];
  return list.slice(0, 20).map((e) => {
    const item = obj(e);
    const path = str(item.instancePath).replace(/^\//, "").replace(/\//g, ".");
    return { path: path ? `(body).${path}` : "(body)", message: str(item.message) || "Does not match the CycloneDX schema" };
  });
}

/**
 * Reads a CycloneDX BOM (JSON, spec 1.4 to 1.6), validated against its schema with the CycloneDX library
 * (schemas shipped with the library: nothing is downloaded). Models (`machine-learning-model`), datasets
 * (`data`) and services are read, nested components included; other entries are listed as skipped.
 */
export async function readBom(text: string): Promise<ReadBom> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    throw new AppError("VALIDATION", "The BOM is not JSON. Export it from your tool as CycloneDX JSON.", [{ path: "(body)", message: "Not valid JSON" }]);
  }
  const doc = obj(data);
  if (doc.bomFormat !== "CycloneDX")
    throw new AppError("VALIDATION", "This is not a CycloneDX BOM (bomFormat is not CycloneDX).", [{ path: "(body).bomFormat", message: "Must be CycloneDX" }]);
  const specVersion = str(doc.specVersion);
  const version = VERSIONS[specVersion];
  if (!version)
    throw new AppError("VALIDATION", `CycloneDX ${specVersion || "without a specVersion"} is not supported: export version 1.4, 1.5 or 1.6.`, [
      { path: "(body).specVersion", message: "Must be 1.4, 1.5 or 1.6" },
    ]);
  const error = await new CDX.Validation.JsonStrictValidator(version).validate(JSON.stringify(doc));
  if (error !== null) throw new AppError("VALIDATION", `The BOM does not match the CycloneDX ${specVersion} schema.`, validationIssues(error));

  const components: ReadBom["components"] = [];
  const skipped: ReadBom["skipped"] = [];
  const walk = (entries: unknown[]) => {
    for (const entry of entries.map(obj)) {
      const type = str(entry.type);
      if (type === "machine-learning-model") components.push(fields(entry, "model"));
      else if (type === "data") components.push(fields(entry, "dataset"));
      else skipped.push({ name: str(entry.name), type });
      walk(arr(entry.components));
    }
  };
  walk(arr(doc.components));
  const walkServices = (entries: unknown[]) => {
    for (const entry of entries.map(obj)) {
      components.push(fields(entry, "service"));
      walkServices(arr(entry.services));
    }
  };
  walkServices(arr(doc.services));
  return { specVersion, components, skipped };
}
