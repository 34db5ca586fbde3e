/** A count as people read it in logs and summaries: 1,912. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}
