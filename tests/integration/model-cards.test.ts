import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as CDX from "@cyclonedx/cyclonedx-library";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { parse } from "yaml";
import { db } from "@/lib/db/client";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { auditSeq, expectAppError, tokenContexts } from "@/tests/support/harness";
import { readReference } from "@/tests/reference-data";
import { createSystem } from "@/lib/systems/create-system";
import { archiveSystem } from "@/lib/systems/archive-system";
import { createComponent } from "@/lib/components/create-component";
import { importModelCard } from "@/lib/components/import-model-card";
import { importBom } from "@/lib/components/import-bom";
import { verifyComponentHash } from "@/lib/components/verify-component-hash";
import { getModelCard } from "@/lib/model-cards/get-model-card";
import { getSystemModelCardPage } from "@/lib/model-cards/get-system-model-card-page";
import { exportBom } from "@/lib/bom/export-bom";
import { importFindings } from "@/lib/findings/import-findings";
import { GET as modelCardRoute } from "@/app/api/v1/systems/[id]/model-card/route";
import { POST as importCardRoute } from "@/app/api/v1/systems/[id]/model-card/import/route";
import { GET as bomGetRoute, POST as bomPostRoute } from "@/app/api/v1/systems/[id]/bom/route";
import { POST as verifyRoute } from "@/app/api/v1/systems/[id]/components/[componentId]/verify-hash/route";

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
type Handler = (req: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;

let org: TestOrg;
let tokens: Awaited<ReturnType<typeof tokenContexts>>;

beforeAll(async () => {
  org = await createTestOrg("model-cards");
  tokens = await tokenContexts(org);
});

async function newSystem(name = "Support assistant") {
  return createSystem({
    ctx: org.as("admin"),
    input: { name, description: "Answers tickets", purpose: "Customer support", foundationModel: "gpt-4o", ownerId: org.users.risk_owner.id },
  });
}

async function lastEvent(orgId: string) {
  return db.auditEvent.findFirstOrThrow({
    where: { orgId },
    orderBy: { seq: "desc" },
    select: { action: true, entityId: true, subjectId: true, changes: true },
  });
}

async function call(
  handler: Handler,
  method: string,
  params: Record<string, string>,
  opts: { token?: string; query?: string; body?: string; type?: string } = {},
) {
  const headers: Record<string, string> = { authorization: `Bearer ${opts.token ?? tokens.write_token.secret}` };
  if (opts.body !== undefined) headers["content-type"] = opts.type ?? "text/markdown";
  const req = new Request(`http://localhost/api/v1/probe${opts.query ? `?${opts.query}` : ""}`, { method, headers, body: opts.body });
  const res = await handler(req, { params: Promise.resolve(params) });
  return { res, text: await res.text() };
}

describe("importing a Hugging Face model card", () => {
  it("fills a new model component from the reference card with a model-index, one audit event", async () => {
    const system = await newSystem();
    const before = await auditSeq(org.orgId);
    const result = await importModelCard({
      ctx: org.as("compliance_officer"),
      input: { systemId: system.id, text: readReference("model-cards/hf/hfhub-sample_simple_model_index.md") },
    });
    expect(result).toMatchObject({
      created: true,
      componentName: "my-cool-model",
      license: "mit",
      libraryName: "timm",
      languages: ["en"],
      datasets: ["beans"],
    });
    expect(await auditSeq(org.orgId)).toBe(before + 1);
    const event = await lastEvent(org.orgId);
    expect(event).toMatchObject({ action: "component.import_card", entityId: result.componentId, subjectId: system.id });
    const row = await db.systemComponent.findUniqueOrThrow({ where: { id: result.componentId } });
    expect(row).toMatchObject({ kind: "model", licence: "mit", libraryName: "timm", languages: ["en"], datasets: ["beans"] });
    expect(row.evalResults).toHaveLength(2);
    expect(row.cardText).toMatch(/^# my-cool-model/);
    expect(row.cardMetadata).toEqual({ tags: ["pytorch", "image-classification"], metrics: ["accuracy"] });
  });

  it("an invalid model-index is reported, the rest imported, the earlier evaluation results kept", async () => {
    const system = await newSystem();
    const first = await importModelCard({
      ctx: org.as("admin"),
      input: { systemId: system.id, text: readReference("model-cards/hf/hfhub-sample_simple_model_index.md") },
    });
    const second = await importModelCard({
      ctx: org.as("admin"),
      input: { systemId: system.id, text: readReference("model-cards/hf/hfhub-sample_invalid_model_index.md") },
    });
    // same model name: the same component, updated
    expect(second).toMatchObject({ created: false, componentId: first.componentId, evalResults: null });
    expect(second.warnings).toEqual([expect.stringMatching(/^Invalid model-index/)]);
    const row = await db.systemComponent.findUniqueOrThrow({ where: { id: first.componentId } });
    expect(row.evalResults).toHaveLength(2);
    expect(row.cardText).toMatch(/^# Invalid Model Index/);
    expect(second.changed).toEqual(expect.arrayContaining(["cardText", "cardMetadata"]));
  });

  it("a card without front matter, with CRLF and a byte order mark, into a named component", async () => {
    const system = await newSystem();
    const component = await createComponent({
      ctx: org.as("admin"),
      input: { systemId: system.id, component: { kind: "model", name: "Base", licence: "apache-2.0" } },
    });
    const result = await importModelCard({
      ctx: org.as("admin"),
      input: { systemId: system.id, componentId: component.id, text: "\uFEFF# Notes\r\n\r\nPlain text.\r\n" },
    });
    expect(result).toMatchObject({ created: false, frontMatter: false, license: null, componentName: "Base" });
    const row = await db.systemComponent.findUniqueOrThrow({ where: { id: component.id } });
    expect(row.licence).toBe("apache-2.0"); // not stated: kept
    expect(row.cardText).toBe("# Notes\n\nPlain text.\n");
  });

  it("refuses a dataset component, an empty card, a viewer and an archived system", async () => {
    const system = await newSystem();
    const dataset = await createComponent({ ctx: org.as("admin"), input: { systemId: system.id, component: { kind: "dataset", name: "D" } } });
    await expectAppError(importModelCard({ ctx: org.as("admin"), input: { systemId: system.id, componentId: dataset.id, text: "# x" } }), "VALIDATION");
    await expectAppError(importModelCard({ ctx: org.as("admin"), input: { systemId: system.id, text: "  " } }), "VALIDATION");
    await expectAppError(importModelCard({ ctx: org.as("auditor"), input: { systemId: system.id, text: "# x" } }), "FORBIDDEN");
    await archiveSystem({ ctx: org.as("admin"), input: { id: system.id } });
    await expectAppError(importModelCard({ ctx: org.as("admin"), input: { systemId: system.id, text: "# x" } }), "CONFLICT");
  });
});

describe("generated model cards", () => {
  it("report the attack success rate per probe of the latest scanner import; MCT JSON is valid against v0.0.2", async () => {
    const system = await newSystem("Scanned assistant");
    const model = await createComponent({
      ctx: org.as("admin"),
      input: { systemId: system.id, component: { kind: "model", name: "scanned-llm", licence: "Acme Licence", version: "3" } },
    });
    async function* report() {
      yield '{"entry_type": "start_run setup", "_config.version": "0.14.0", "transient.run_id": "r1"}\n';
      yield '{"entry_type": "eval", "probe": "dan.Dan_11_0", "detector": "dan.DAN", "passed": 3, "fails": 1, "total_evaluated": 4}\n';
      yield '{"entry_type": "eval", "probe": "promptinject.HijackHateHumans", "detector": "promptinject.AttackRogueString", "passed": 10, "fails": 0, "total_evaluated": 10}\n';
    }
    await importFindings({ ctx: org.as("admin"), input: { systemId: system.id, source: report() } });

    const hf = await getModelCard({ ctx: org.as("auditor"), input: { systemId: system.id, componentId: model.id, format: "hf" } });
    expect(hf.filename).toBe("scanned-llm-model-card.md");
    const meta = parse(/^---\n([\s\S]*?)\n---\n/.exec(hf.content)![1]) as Record<string, unknown>;
    expect(meta).toMatchObject({ license: "other", license_name: "Acme Licence" });
    const index = meta["model-index"] as { name: string; results: { dataset: { name: string }; metrics: { type: string; value: number }[] }[] }[];
    expect(index[0].name).toBe("scanned-llm");
    const rates = Object.fromEntries(index[0].results.map((r) => [r.dataset.name, r.metrics[0]]));
    expect(rates["dan.Dan_11_0"]).toMatchObject({ type: "attack_success_rate", value: 0.25 });
    expect(rates["promptinject.HijackHateHumans"]).toMatchObject({ type: "attack_success_rate", value: 0 });

    const mct = await getModelCard({ ctx: org.as("auditor"), input: { systemId: system.id, format: "mct" } });
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readReference("model-cards/mct/model_card.schema.json")));
    const card = JSON.parse(mct.content);
    expect(validate(card), JSON.stringify(validate.errors)).toBe(true);
    expect(card.quantitative_analysis.performance_metrics).toContainEqual(expect.objectContaining({ value: "0.25" }));

    const page = await getSystemModelCardPage({ ctx: org.as("auditor"), input: { systemId: system.id, componentId: model.id } });
    expect(page.viewer.canEdit).toBe(false);
    expect(page.scanResultCount).toBe(2);
    expect(page.preview).toContain("# Model Card for scanned-llm");
  });

  it("over REST: ?format=hf|mct, 422 for an unknown format or a dataset component, 404 for a system of another organisation", async () => {
    const system = await newSystem();
    const hf = await call(modelCardRoute, "GET", { id: system.id }, { token: tokens.read_token.secret });
    expect(hf.res.status).toBe(200);
    expect(hf.res.headers.get("content-type")).toMatch(/^text\/markdown/);
    expect(hf.text).toContain("# Model Card for Support assistant");
    const mct = await call(modelCardRoute, "GET", { id: system.id }, { token: tokens.read_token.secret, query: "format=mct" });
    expect(JSON.parse(mct.text)).toMatchObject({ schema_version: "0.0.2", model_details: { name: "Support assistant" } });
    expect((await call(modelCardRoute, "GET", { id: system.id }, { query: "format=pdf" })).res.status).toBe(422);
    const dataset = await createComponent({ ctx: org.as("admin"), input: { systemId: system.id, component: { kind: "dataset", name: "D" } } });
    expect((await call(modelCardRoute, "GET", { id: system.id }, { query: `componentId=${dataset.id}` })).res.status).toBe(422);
    const other = await createTestOrg("model-cards-other");
    const foreign = await createSystem({ ctx: other.as("admin"), input: { name: "Foreign" } });
    expect((await call(modelCardRoute, "GET", { id: foreign.id })).res.status).toBe(404);
  });

  it("POST /model-card/import answers with what was read; a read token is refused", async () => {
    const system = await newSystem();
    const card = [
      "---",
      "license: other",
      "license_name: acme",
      "base_model: [org/a, org/b]",
      "pipeline_tag: text-generation",
      "library_name: transformers",
      "language: en",
      "datasets: [org/d]",
      "model-index:",
      "- name: rest-model",
      "  results:",
      "  - task: {type: text-generation}",
      "    dataset: {type: cais/mmlu, name: MMLU}",
      "    metrics: [{type: accuracy, value: '20.0 ± 1.2'}]",
      "---",
      "# rest-model",
    ].join("\n");
    const refused = await call(importCardRoute, "POST", { id: system.id }, { token: tokens.read_token.secret, body: card });
    expect(refused.res.status).toBe(403);
    const { res, text } = await call(importCardRoute, "POST", { id: system.id }, { body: card });
    expect(res.status).toBe(201);
    expect(JSON.parse(text)).toMatchObject({
      license: "other",
      baseModel: ["org/a", "org/b"],
      libraryName: "transformers",
      pipelineTag: "text-generation",
      languages: ["en"],
      datasets: ["org/d"],
      evalResults: [{ task: "text-generation", dataset: "cais/mmlu", metric: "accuracy", value: "20.0 ± 1.2" }],
      warnings: [],
    });
    const row = await db.systemComponent.findFirstOrThrow({ where: { systemId: system.id, name: "rest-model" } });
    expect(row.licence).toBe("acme");
  });
});

describe("CycloneDX ML-BOM", () => {
  async function systemWithComponents() {
    const system = await newSystem("BOM system");
    const ctx = org.as("admin");
    await createComponent({
      ctx,
      input: {
        systemId: system.id,
        component: {
          kind: "model",
          name: "llama-guard",
          version: "3",
          licence: "Apache-2.0",
          sha256: "c".repeat(64),
          sourceUrl: "https://huggingface.co/meta/llama-guard",
        },
      },
    });
    await createComponent({ ctx, input: { systemId: system.id, component: { kind: "dataset", name: "Tickets", version: "2024-10", licence: "proprietary" } } });
    await createComponent({
      ctx,
      input: { systemId: system.id, component: { kind: "service", name: "OpenAI API", version: "v1", sourceUrl: "https://api.openai.com" } },
    });
    return system;
  }

  it("exports a BOM valid against the CycloneDX 1.6 schema, which re-imports without change", async () => {
    const system = await systemWithComponents();
    const { content, filename } = await exportBom({ ctx: org.as("auditor"), input: { systemId: system.id } });
    expect(filename).toBe("bom-system.cdx.json");
    expect(await new CDX.Validation.JsonStrictValidator(CDX.Spec.Version.v1dot6).validate(content)).toBeNull();
    const bom = JSON.parse(content);
    expect(bom).toMatchObject({ bomFormat: "CycloneDX", specVersion: "1.6", metadata: { component: { name: "BOM system" } } });
    const model = bom.components.find((c: { type: string }) => c.type === "machine-learning-model");
    expect(model).toMatchObject({
      name: "llama-guard",
      version: "3",
      hashes: [{ alg: "SHA-256", content: "c".repeat(64) }],
      licenses: [{ license: { id: "Apache-2.0" } }],
    });
    expect(bom.components.find((c: { type: string }) => c.type === "data")).toMatchObject({
      name: "Tickets",
      licenses: [{ license: { name: "proprietary" } }],
    });
    expect(bom.services).toEqual([expect.objectContaining({ name: "OpenAI API", version: "v1" })]);

    const before = await db.systemComponent.findMany({ where: { systemId: system.id }, orderBy: { createdAt: "asc" } });
    const seq = await auditSeq(org.orgId);
    const result = await importBom({ ctx: org.as("admin"), input: { systemId: system.id, text: content } });
    expect(result).toMatchObject({ specVersion: "1.6", created: [], updated: [], unchanged: 3, skipped: [] });
    expect(await db.systemComponent.findMany({ where: { systemId: system.id }, orderBy: { createdAt: "asc" } })).toEqual(before);
    expect(await auditSeq(org.orgId)).toBe(seq + 1);
    expect((await lastEvent(org.orgId)).action).toBe("component.import_bom");
  });

  it("imports changes, new entries and skips libraries; into another system it creates the components", async () => {
    const system = await systemWithComponents();
    const bom = JSON.parse((await exportBom({ ctx: org.as("admin"), input: { systemId: system.id } })).content);
    const model = bom.components.find((c: { type: string }) => c.type === "machine-learning-model");
    model.version = "4";
    model.hashes = [{ alg: "SHA-256", content: "d".repeat(64) }];
    bom.components.push({ type: "library", name: "torch", version: "2.5.0" }, { type: "machine-learning-model", name: "new-model", "bom-ref": "x" });
    const result = await importBom({ ctx: org.as("admin"), input: { systemId: system.id, text: JSON.stringify(bom) } });
    expect(result.created).toEqual([expect.objectContaining({ kind: "model", name: "new-model" })]);
    expect(result.updated).toEqual([
      expect.objectContaining({
        name: "llama-guard",
        changes: { version: { before: "3", after: "4" }, sha256: { before: "c".repeat(64), after: "d".repeat(64) } },
      }),
    ]);
    expect(result).toMatchObject({ unchanged: 2, skipped: [{ name: "torch", type: "library" }] });

    const target = await newSystem("BOM target");
    const copied = await importBom({ ctx: org.as("admin"), input: { systemId: target.id, text: JSON.stringify(bom) } });
    expect(copied.created.map((c) => c.name).sort()).toEqual(["OpenAI API", "Tickets", "llama-guard", "new-model"]);
  });

  it("refuses what is not a valid CycloneDX BOM, naming the path, and stores nothing", async () => {
    const system = await newSystem();
    const seq = await auditSeq(org.orgId);
    const notJson = await expectAppError(importBom({ ctx: org.as("admin"), input: { systemId: system.id, text: "{" } }), "VALIDATION");
    expect(notJson.issues[0].path).toBe("(body)");
    const invalid = { bomFormat: "CycloneDX", specVersion: "1.6", version: 1, components: [{ type: "machine-learning-model" }] };
    const error = await expectAppError(importBom({ ctx: org.as("admin"), input: { systemId: system.id, text: JSON.stringify(invalid) } }), "VALIDATION");
    expect(error.issues.map((i) => i.path)).toContain("(body).components.0");
    await expectAppError(
      importBom({ ctx: org.as("admin"), input: { systemId: system.id, text: '{"bomFormat":"CycloneDX","specVersion":"1.2"}' } }),
      "VALIDATION",
    );
    expect(await auditSeq(org.orgId)).toBe(seq);
    expect(await db.systemComponent.count({ where: { systemId: system.id } })).toBe(0);
  });

  it("GET and POST /bom over REST", async () => {
    const system = await systemWithComponents();
    const get = await call(bomGetRoute, "GET", { id: system.id }, { token: tokens.read_token.secret });
    expect(get.res.status).toBe(200);
    expect(get.res.headers.get("content-type")).toBe("application/vnd.cyclonedx+json; version=1.6");
    const post = await call(bomPostRoute, "POST", { id: system.id }, { body: get.text, type: "application/vnd.cyclonedx+json" });
    expect(post.res.status).toBe(200);
    expect(JSON.parse(post.text)).toMatchObject({ created: [], updated: [], unchanged: 3 });
  });
});

describe("verifying a model artefact's hash", () => {
  it("records a match and a mismatch in the audit trail and leaves the recorded hash", async () => {
    const system = await newSystem();
    const artefact = Buffer.from("model weights");
    const sha = createHash("sha256").update(artefact).digest("hex");
    const component = await createComponent({ ctx: org.as("admin"), input: { systemId: system.id, component: { kind: "model", name: "m", sha256: sha } } });
    const ctx = org.as("risk_owner"); // owns the system

    const match = await verifyComponentHash({ ctx, input: { id: component.id, check: { sha256: sha.toUpperCase(), source: "file" } } });
    expect(match).toMatchObject({ result: "match", recorded: sha, checked: sha, source: "file" });
    expect(await lastEvent(org.orgId)).toMatchObject({ action: "component.hash_match", entityId: component.id, subjectId: system.id });

    const other = createHash("sha256").update("tampered").digest("hex");
    const mismatch = await verifyComponentHash({ ctx, input: { id: component.id, check: { sha256: other } } });
    expect(mismatch).toMatchObject({ result: "mismatch", recorded: sha, checked: other, source: "stated" });
    expect(await lastEvent(org.orgId)).toMatchObject({
      action: "component.hash_mismatch",
      changes: { sha256: { before: sha, after: other }, source: { before: null, after: "stated" } },
    });
    expect((await db.systemComponent.findUniqueOrThrow({ where: { id: component.id } })).sha256).toBe(sha);

    await expectAppError(verifyComponentHash({ ctx, input: { id: component.id, check: { sha256: "xyz" } } }), "VALIDATION");
    const unhashed = await createComponent({ ctx: org.as("admin"), input: { systemId: system.id, component: { kind: "model", name: "u" } } });
    await expectAppError(verifyComponentHash({ ctx, input: { id: unhashed.id, check: { sha256: sha } } }), "CONFLICT");
    const elsewhere = await newSystem("Elsewhere");
    await expectAppError(verifyComponentHash({ ctx, input: { id: component.id, systemId: elsewhere.id, check: { sha256: sha } } }), "NOT_FOUND");

    const rest = await call(
      verifyRoute,
      "POST",
      { id: system.id, componentId: component.id },
      { body: JSON.stringify({ sha256: other }), type: "application/json" },
    );
    expect(rest.res.status).toBe(200);
    expect(JSON.parse(rest.text)).toMatchObject({ result: "mismatch" });
  });
});
