// jest writes a thrown error's snapshot as its message, a string (`"Failed to discover after 3 attempts."`); vitest
// writes the error (`[Error: Failed to discover after 3 attempts.]`). The suite's inline snapshots are jest's, so an
// error is printed as jest prints it: its message, which is still compared in full.
export default {
  test: (value) => value instanceof Error,
  serialize: (error, config, indentation, depth, refs, printer) =>
    printer(error.message, config, indentation, depth, refs),
};
