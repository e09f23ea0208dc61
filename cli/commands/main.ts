// Entry point of the `jurisdiction-guard` command: bin/jurisdiction-guard.js runs `main` of the
// compiled dist/commands/main.js and exits with the code it resolves to.
export { main } from "./scan";
