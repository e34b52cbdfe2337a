"use client";

/** A <select> that submits its form on change (keyboard users can still tab to it and pick with arrows). */
export function AutoSubmitSelect(props: React.SelectHTMLAttributes<HTMLSelectElement>) {
  return <select {...props} onChange={(e) => e.currentTarget.form?.requestSubmit()} />;
}
