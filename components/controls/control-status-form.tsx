"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/web/action-state";
import { CONTROL_STATUSES } from "@/lib/controls/control-statuses";
import type { SystemControlView } from "@/lib/controls/schemas";
import { CONTROL_STATUS_LABELS } from "@/components/labels";

type Control = Pick<SystemControlView, "framework" | "controlId" | "status" | "justification" | "ownerId" | "reviewDate" | "version">;

const input = "mt-1 w-full rounded-md border bg-white px-2 py-1.5 text-sm";

/** Status, owner, review date and justification of one control; errors are shown beside the fields. */
export function ControlStatusForm({
  action,
  control,
  members,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  control: Control;
  members: readonly { id: string; name: string }[];
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  const base = `c-${control.framework}-${control.controlId}`.replace(/[^A-Za-z0-9_-]/g, "_");
  const failed = state.status === "error";
  const v = (key: keyof Control) => String((failed ? state.values?.[key] : control[key]) ?? "");
  const err = (key: string) => state.fieldErrors?.[key];
  const border = (key: string) => (err(key) ? "border-red-500" : "border-slate-300");
  const ownerOptions =
    control.ownerId && !members.some((m) => m.id === control.ownerId) ? [...members, { id: control.ownerId, name: "Former member" }] : members;
  return (
    <form
      action={formAction}
      className="mt-3 grid gap-3 rounded-lg border border-slate-200 bg-slate-50 p-3 md:grid-cols-3"
      noValidate
      data-testid="control-form"
    >
      <input type="hidden" name="framework" value={control.framework} />
      <input type="hidden" name="controlId" value={control.controlId} />
      {/* remount the fields when a save produced a new version, so they show what is stored now */}
      <div key={control.version ?? 0} className="contents">
        <input type="hidden" name="version" value={control.version ?? ""} />
        <div>
          <label htmlFor={`${base}-status`} className="block text-xs font-medium text-slate-700">
            Status
          </label>
          <select
            id={`${base}-status`}
            name="status"
            defaultValue={v("status")}
            className={`${input} ${border("status")}`}
            aria-invalid={Boolean(err("status"))}
          >
            {CONTROL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {CONTROL_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          {err("status") && <p className="mt-1 text-xs text-red-700">{err("status")}</p>}
        </div>
        <div>
          <label htmlFor={`${base}-owner`} className="block text-xs font-medium text-slate-700">
            Owner
          </label>
          <select
            id={`${base}-owner`}
            name="ownerId"
            defaultValue={v("ownerId")}
            className={`${input} ${border("ownerId")}`}
            aria-invalid={Boolean(err("ownerId"))}
          >
            <option value="">— none —</option>
            {ownerOptions.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
          {err("ownerId") && <p className="mt-1 text-xs text-red-700">{err("ownerId")}</p>}
        </div>
        <div>
          <label htmlFor={`${base}-review`} className="block text-xs font-medium text-slate-700">
            Next review
          </label>
          <input
            id={`${base}-review`}
            type="date"
            name="reviewDate"
            defaultValue={v("reviewDate")}
            className={`${input} ${border("reviewDate")}`}
            aria-invalid={Boolean(err("reviewDate"))}
          />
          {err("reviewDate") && <p className="mt-1 text-xs text-red-700">{err("reviewDate")}</p>}
        </div>
        <div className="md:col-span-3">
          <label htmlFor={`${base}-justification`} className="block text-xs font-medium text-slate-700">
            Justification <span className="font-normal text-slate-500">(required for not applicable, at least 10 characters)</span>
          </label>
          <textarea
            id={`${base}-justification`}
            name="justification"
            rows={2}
            defaultValue={v("justification")}
            className={`${input} ${border("justification")}`}
            aria-invalid={Boolean(err("justification"))}
            aria-describedby={err("justification") ? `${base}-justification-error` : undefined}
          />
          {err("justification") && (
            <p id={`${base}-justification-error`} data-testid="error-justification" className="mt-1 text-xs font-medium text-red-700">
              {err("justification")}
            </p>
          )}
        </div>
      </div>
      <div className="flex items-center gap-3 md:col-span-3">
        <button type="submit" disabled={pending} className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
          Save
        </button>
        {state.status === "success" && (
          <span className="text-sm text-emerald-700" role="status">
            {state.message}
          </span>
        )}
        {failed && (
          <span className="text-sm text-red-700" role="alert">
            {state.message}
          </span>
        )}
      </div>
    </form>
  );
}
