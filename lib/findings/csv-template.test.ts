import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, parseCsv } from "./parsers/csv";
import { csvTemplate } from "./csv-template";

describe("csvTemplate", () => {
  it("has every CSV column in the header, in the documented order", () => {
    expect(csvTemplate().split("\r\n")[0].split(",")).toEqual(Object.keys(CSV_COLUMNS));
  });

  it("is a file the CSV parser reads: one run and one failing result with evidence", async () => {
    const records = [];
    async function* source() {
      yield new TextEncoder().encode(csvTemplate());
    }
    for await (const record of parseCsv(source())) records.push(record);
    expect(records.map((r) => r.kind)).toEqual(["run", "result"]);
    const result = records[1].kind === "result" ? records[1].result : null;
    expect(result).toMatchObject({ tool: "in-house red team", evaluated: 20, failed: 3, severity: "high", suppressed: false });
    expect(result?.tags).toEqual(["AML.T0051", "LLM01:2025"]);
    expect(result?.evidence).toHaveLength(1);
  });
});
