/**
 * The authoring API: everything an exercise is written with, built-in or a course's own. The
 * package exports it as `sockgrade/authoring`; sockgrade's own exercises import only from it
 * (plus their own folder and `exercises/shared`), so a course writes its exercises with exactly
 * the API the built-ins use.
 *
 * ```ts
 * import { defineExercise, defineServerCheck, CheckFailure } from 'sockgrade/authoring';
 * import { es } from './i18n/es.js';
 *
 * export default defineExercise({
 *   id: 'upper-echo', catalogue: 'P1', title: 'Upper-case echo', transport: 'tcp', canonicalPort: 5000,
 *   contract: { server: 'answers every line in upper case' },
 *   params: {},
 *   messages: { es },
 *   checks: [
 *     defineServerCheck({
 *       id: 'upper.line', title: 'answers a line in upper case', weight: 1, budgetMs: 5000,
 *       async run(ctx) {
 *         const conn = await ctx.connect();
 *         await conn.send('hola\n');
 *         const line = await new LineInbox(conn).until((lines) => lines[0], 3000, ctx.signal);
 *         if (line !== 'HOLA') throw new CheckFailure('the reply is not the line in upper case', { expected: 'HOLA', received: line ?? '(nothing)' });
 *       },
 *     }),
 *   ],
 * });
 * ```
 *
 * A check throws {@link CheckFailure} for the submission's mistake and {@link CheckSkipped} when
 * it cannot judge; anything else is reported as sockgrade's own `error`, never as the student's
 * fault. Texts are written in English; translations go in `messages`, keyed by the English text.
 */

// Declaring exercises and checks
export { defineExercise, transportOf, canonicalPortOf, rolesOf, type Exercise, type ExerciseMessages } from './model/exercise.js';
export { defineServerCheck, defineClientCheck, type Check, type ServerCheck, type ClientCheck } from './model/check.js';
export { CheckFailure, CheckInconclusive, CheckNotReached, CheckSkipped } from './model/failure.js';
export { num, bool, str, type ParamSpec, type ParamSpecs, type ParamValues } from './model/params.js';
export type { Role } from './model/result.js';
export type { Catalogue } from './i18n/catalogue.js';

// What a check's run function works with
export { classifyPrompt, type CheckContext, type ServerCheckContext, type ClientCheckContext, type ClientLaunch, type RecordedProgram } from './engine/context.js';
export { connectTo, type Connection } from './net/connection.js';
export type { TcpPeer } from './net/tcp-peer.js';
export type { UdpClient, UdpPeer, Datagram } from './net/udp.js';
export { portInUse } from './net/socket-table.js';
export { ProgramExited, describeExit, type Program, type ExitInfo } from './process/program.js';
export { Transcript } from './process/transcript.js';
export { isWaitingOnStdin } from './process/proc-tree.js';
export { TCP_FLAGS, type Packet } from './trace/decode.js';

// Diagnoses a student can act on
export { escapeBytes, hexBytes, describeSize, describeMismatch, firstDifference } from './diagnose/bytes.js';
export { findCrash, visibleText } from './diagnose/output.js';

// Waiting for events, seeded randomness, property checks
export { formatMs, pause, poll, waitFor, WaitTimeout } from './util/deadline.js';
export { starvedTotal } from './util/starvation.js';
export { Rng } from './util/rng.js';
export { checkProperty } from './fuzz/property.js';

// Fault injection and binary codecs
export { TcpProxy } from './proxy/tcp-proxy.js';
export { UdpProxy, type UdpFaults, type UdpProxyEvent } from './proxy/udp-proxy.js';
export type { SlicerOptions } from './proxy/toxics/slicer.js';
export { Struct, StructError, type StructSlot, type StructValue } from './codec/pystruct.js';

// Checks and helpers shared by several exercises
export { robustServerChecks, robustNoServerCheck, type RobustServerOptions, type NoServerOptions } from '../exercises/shared/robust.js';
export { expectEcho, assertStillServes, udpRoundTrip, garbage } from '../exercises/shared/echo.js';
export { LineInbox, waitOnConnection, textSince } from '../exercises/shared/chat-lines.js';
export { acceptClientMessage } from '../exercises/shared/client-session.js';
export { decodeBytesLiterals, showsBytes } from '../exercises/shared/printed.js';
