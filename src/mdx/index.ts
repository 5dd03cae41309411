/**
 * What editors put in MDX write-ups, through one barrel. Pages pass these to `<Content components={…}/>`
 * so write-ups use them without imports.
 */
export const mdxComponents = {};
