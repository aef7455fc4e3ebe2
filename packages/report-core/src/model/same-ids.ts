// Internal to report-core (not exported by the package): used by the edit fast paths.
/** Whether two lists hold nodes of the same ids in the same order (the same list: at once). */
export function sameIdsInOrder(
  a: readonly { readonly id: string }[] | undefined,
  b: readonly { readonly id: string }[] | undefined,
): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  return a.every((x, i) => x.id === b[i]?.id);
}
