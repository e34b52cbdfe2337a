import type { ComponentPropsWithoutRef, ElementType, ReactNode } from "react";

type CardProps<T extends ElementType> = { as?: T; className?: string; children?: ReactNode } & Omit<
  ComponentPropsWithoutRef<T>,
  "as" | "className" | "children"
>;

/**
 * The white, bordered, rounded panel every page section sits in. `as="section"` (with aria-labelledby)
 * for a titled section; `className` adds to (not replaces) the base look, e.g. "self-start" or "p-0".
 */
export function Card<T extends ElementType = "div">({ as, className = "", children, ...rest }: CardProps<T>) {
  const Tag: ElementType = as ?? "div";
  return (
    <Tag className={`rounded-xl border border-slate-200 bg-white p-5 ${className}`.trim()} {...rest}>
      {children}
    </Tag>
  );
}
