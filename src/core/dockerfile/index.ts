// The Dockerfile parser and expander, BuildKit-compatible: what other modules import.
//   parseDockerfile(text, { file })        → DockerfileParse (instructions, directives, warnings)
//   dump(parse)                            → BuildKit's Node.Dump() text
//   toDockerfileJson(parse)                → layerscope.dockerfile/v1
//   resolveStages(parse, { buildArgs, target }) → stages with every word expanded as BuildKit does
//   new ShellLex({ escapeToken }).processWord(word, env) → one expanded word
// Everything throws DockerfileError (an InputError) or, from ShellLex alone, ShellError.

export { DockerfileError } from './errors.ts';
export type { Directive, DirectiveName, EscapeToken } from './directives.ts';
export { dump, dumpInstruction } from './node.ts';
export type { DockerfileParse, DumpOptions, Heredoc, Instruction, ParseWarning } from './node.ts';
export { INSTRUCTIONS, parseDockerfile } from './parser.ts';
export type { ParseOptions } from './parser.ts';
export { DOCKERFILE_SCHEMA, toDockerfileJson } from './json.ts';
export type { DockerfileJson, InstructionJson } from './json.ts';
export { resolveStages } from './stages.ts';
export type { ResolveOptions, ResolvedArg, ResolvedDockerfile, ResolvedInstruction, ResolvedStage } from './stages.ts';
export type { Expanded, KeyValue } from './expand-instruction.ts';
export type { Flag } from './flags.ts';
export { chompHeredocContent } from './heredoc.ts';
export { envsFromMap, envsFromSlice, type EnvGetter } from './shell/env.ts';
export { ShellError, ShellLex, type LexOptions, type ProcessWordResult } from './shell/lex.ts';
