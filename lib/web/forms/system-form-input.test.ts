import { describe, expect, it } from "vitest";
import { systemFormInput } from "@/lib/web/forms/system-form-input";

describe("systemFormInput", () => {
  it("reads known fields, arrays for checkboxes and null for empty selects", () => {
    const form = new FormData();
    form.set("name", "CV screening");
    form.set("ownerId", "");
    form.set("hosting", "public_cloud");
    form.append("dataCategories", "personal_data");
    form.append("dataCategories", "children");
    form.set("injected", "x");
    expect(systemFormInput(form)).toEqual({ name: "CV screening", ownerId: null, hosting: "public_cloud", dataCategories: ["personal_data", "children"] });
  });

  it("sends an empty array when no data category is ticked", () => {
    expect(systemFormInput(new FormData())).toEqual({ dataCategories: [] });
  });
});
