import { createContext, useContext, type ComponentPropsWithRef, type ReactNode } from 'react';

/** How many levels the page's headings sit below where the page itself puts them: none on the page of its own. */
const Depth = createContext(0);

/**
 * The page's headings placed below another page's heading: inside the console, the customer's page sits under the
 * console's own section heading, so its order heading is not a second top-level heading there.
 */
export function HeadingsBelow({ levels, children }: { levels: number; children: ReactNode }) {
  return <Depth.Provider value={levels}>{children}</Depth.Provider>;
}

type Level = 1 | 2 | 3 | 4;

/** A heading of the page at its level on the page of its own, moved down where the page sits inside another. */
export function Heading({ level, ...props }: { level: Level } & ComponentPropsWithRef<'h1'>) {
  const depth = useContext(Depth);
  const Tag = `h${Math.min(6, level + depth)}` as 'h1';
  return <Tag data-heading={level} {...props} />;
}
