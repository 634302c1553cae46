// The README's GraphQL examples, one operation each: a ```graphql block may hold several, each
// starting at column 0 with `{`, `query`, `mutation` or `subscription` (comments go with the next).
export function readmeOperations(markdown) {
  const blocks = [...markdown.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
  const operations = [];
  for (const block of blocks) {
    let current = [];
    let pendingComments = [];
    for (const line of block.split('\n')) {
      if (/^(\{|query\b|mutation\b|subscription\b)/.test(line)) {
        if (current.length) operations.push(current.join('\n').trim());
        current = [...pendingComments, line];
        pendingComments = [];
      } else if (/^#/.test(line) && !current.length) {
        pendingComments.push(line);
      } else if (/^#/.test(line)) {
        operations.push(current.join('\n').trim());
        current = [];
        pendingComments = [line];
      } else {
        current.push(line);
      }
    }
    if (current.length) operations.push(current.join('\n').trim());
  }
  return operations.filter(Boolean);
}
