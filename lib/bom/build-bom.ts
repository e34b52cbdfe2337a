import * as CDX from "@cyclonedx/cyclonedx-library";
import { BOM_PROPERTY, type BomComponent } from "./bom-component";

function licenceOf(value: string): CDX.Models.License {
  const spdx = CDX.SPDX.fixupSpdxId(value);
  return spdx ? new CDX.Models.SpdxLicense(spdx) : new CDX.Models.NamedLicense(value);
}

function properties(c: BomComponent, withHash: boolean): CDX.Models.Property[] {
  const props = [
    ...c.baseModels.map((v) => new CDX.Models.Property(BOM_PROPERTY.baseModel, v)),
    ...c.languages.map((v) => new CDX.Models.Property(BOM_PROPERTY.language, v)),
    ...c.datasets.map((v) => new CDX.Models.Property(BOM_PROPERTY.dataset, v)),
  ];
  if (c.pipelineTag) props.push(new CDX.Models.Property(BOM_PROPERTY.pipelineTag, c.pipelineTag));
  if (c.libraryName) props.push(new CDX.Models.Property(BOM_PROPERTY.libraryName, c.libraryName));
  if (withHash && c.sha256) props.push(new CDX.Models.Property(BOM_PROPERTY.sha256, c.sha256));
  return props;
}

function link(url: string): CDX.Models.ExternalReference | null {
  return /^https?:\/\/\S+$/i.test(url) ? new CDX.Models.ExternalReference(url, CDX.Enums.ExternalReferenceType.Website) : null;
}

/**
 * A CycloneDX 1.6 ML-BOM (JSON) of an AI system's components, built with the CycloneDX library: models as
 * `machine-learning-model` components, datasets as `data` components, services as `services`; versions,
 * licences (SPDX ids where the licence is one), SHA-256 hashes, the source as an external reference and
 * the model card fields as `aigov:` properties. The system is the BOM's subject (metadata.component). Pure
 * apart from the timestamp.
 */
export function buildBom(system: { id: string; name: string }, components: BomComponent[], timestamp = new Date()): string {
  const bom = new CDX.Models.Bom();
  bom.metadata.timestamp = timestamp;
  bom.metadata.component = new CDX.Models.Component(CDX.Enums.ComponentType.Application, system.name, { bomRef: `system:${system.id}` });
  bom.metadata.tools.components.add(new CDX.Models.Component(CDX.Enums.ComponentType.Application, "ai-governance-dashboard", { group: "aigov" }));
  for (const c of components) {
    const ref = c.id ? `component:${c.id}` : undefined;
    const reference = link(c.sourceUrl);
    if (c.kind === "service") {
      const service = new CDX.Models.Service(c.name, { bomRef: ref, version: c.version || undefined });
      if (c.licence) service.licenses.add(licenceOf(c.licence));
      if (reference) service.externalReferences.add(reference);
      for (const p of properties(c, true)) service.properties.add(p);
      bom.services.add(service);
      continue;
    }
    const type = c.kind === "model" ? CDX.Enums.ComponentType.MachineLearningModel : CDX.Enums.ComponentType.Data;
    const component = new CDX.Models.Component(type, c.name, { bomRef: ref, version: c.version || undefined });
    if (c.sha256) component.hashes.set(CDX.Enums.HashAlgorithm["SHA-256"], c.sha256);
    if (c.licence) component.licenses.add(licenceOf(c.licence));
    if (reference) component.externalReferences.add(reference);
    for (const p of properties(c, false)) component.properties.add(p);
    bom.components.add(component);
  }
  const serializer = new CDX.Serialize.JsonSerializer(new CDX.Serialize.JSON.Normalize.Factory(CDX.Spec.Spec1dot6));
  return `${serializer.serialize(bom, { sortLists: true, space: 2 })}\n`;
}
