// Copyright (c) 2026 Onramp contributors.
// This program and the accompanying materials are made available under the terms of the Eclipse Public License 2.0
// which is available at https://www.eclipse.org/legal/epl-2.0/
// SPDX-License-Identifier: EPL-2.0
//
// Runs snippets through the raw REPL of a real MicroPython (the WebAssembly port, pinned in package.json).
//
//   node check-snippets.mjs [--modules <node_modules dir>] [--timeout-ms <per sample>] <samples.json>
//
// samples.json is an array of {group, name, code, expectedError (null or an exception type)}. Every group runs in a
// fresh MicroPython (in a worker thread, so that a snippet that never ends can be stopped) whose file system holds
// the stubs: stubs/board/ at / (pyDirect's lib/sys/settings.py, /settings/default_settings.json) and stubs/firmware/
// at /firmware-stubs, on sys.path before the port's frozen modules (network, machine: modules only firmware has;
// binascii: the built-in C module, as firmware has it, instead of the port's frozen binascii.py); stubs/boot.py runs
// first (sys.path, os.uname). Samples of a group run in order in one raw REPL session. A snippet raising
// machine.BoardReset (machine.reset()) counts as a reset: the group goes on in a fresh MicroPython holding the same
// files. sys.stdin.buffer reads answer deterministic bytes; a result says how many were read and their SHA-256, so
// that a receiver's printed hash can be checked.
//
// Prints one JSON line per sample ({group, name, passed, outcome, stdout, traceback, errorType, expectedError,
// stdinBytes, stdinSha256, millis}); exits 0 when all passed, 1 when one failed, 2 when the check cannot run.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const HERE = dirname(fileURLToPath(import.meta.url));
const PACKAGE = '@micropython/micropython-webassembly-pyscript';
const VERSION = JSON.parse(readFileSync(join(HERE, 'package.json'), 'utf8')).dependencies[PACKAGE];
const RAW_BANNER = 'raw REPL; CTRL-B to exit\r\n>';
const FIRMWARE_DIR = '/firmware-stubs';
const KEPT_OUT = new Set(['/dev', '/proc', '/tmp', '/home']);

async function main(args) {
	let modules = resolve(HERE, '../../.tools/micropython-check/node_modules');
	let timeoutMs = 10000;
	let file;
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '--modules') {
			modules = resolve(args[++i]);
		} else if (args[i] === '--timeout-ms') {
			timeoutMs = Number(args[++i]);
		} else {
			file = args[i];
		}
	}
	if (!file) {
		console.error('usage: node check-snippets.mjs [--modules <dir>] [--timeout-ms <ms>] <samples.json>');
		return 2;
	}
	const entry = join(modules, PACKAGE, 'micropython.mjs');
	const manifest = join(modules, PACKAGE, 'package.json');
	const installed = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : null;
	if (!existsSync(entry) || installed !== VERSION) {
		console.error(`check-snippets: ${PACKAGE}@${VERSION} is not installed in ${modules}`
			+ (installed ? ` (version ${installed} is)` : '') + '. Install it with:\n'
			+ `  mkdir -p ${dirname(modules)} && cp ${join(HERE, 'package.json')} ${dirname(modules)}/ && `
			+ `(cd ${dirname(modules)} && npm install --no-package-lock --no-audit --no-fund)\n`
			+ `or run releng/scripts/install-prerequisites.sh (it installs ${PACKAGE}@${VERSION}).`);
		return 2;
	}
	const samples = JSON.parse(readFileSync(file, 'utf8'));
	const groups = new Map();
	for (const sample of samples) {
		if (!groups.has(sample.group)) {
			groups.set(sample.group, []);
		}
		groups.get(sample.group).push(sample);
	}
	const stubs = { board: readTree(join(HERE, 'stubs/board')), firmware: readTree(join(HERE, 'stubs/firmware')),
		boot: readFileSync(join(HERE, 'stubs/boot.py'), 'utf8') };
	let failed = 0;
	for (const [group, members] of groups) {
		const results = await runWorker({ entry: pathToFileURL(entry).href, stubs, samples: members }, timeoutMs);
		members.forEach((sample, i) => {
			const result = results[i] ?? { passed: false, outcome: 'not-run', stdout: '', traceback: '',
				reason: 'not run: an earlier sample of the group did not finish' };
			if (!result.passed) {
				failed++;
			}
			console.log(JSON.stringify({ group, name: sample.name, expectedError: sample.expectedError ?? null,
				...result }));
		});
	}
	console.error(`check-snippets: ${samples.length - failed} of ${samples.length} samples passed on MicroPython `
		+ `${VERSION} (${groups.size} groups)`);
	return failed === 0 ? 0 : 1;
}

/** @returns the results the worker posted; a sample without an answer within timeoutMs ends the group */
function runWorker(data, timeoutMs) {
	return new Promise((done) => {
		const results = [];
		const worker = new Worker(fileURLToPath(import.meta.url), { workerData: data });
		let timer;
		const finish = (extra) => {
			clearTimeout(timer);
			if (extra) {
				results.push(extra);
			}
			worker.removeAllListeners();
			worker.terminate().then(() => done(results));
		};
		const arm = () => {
			clearTimeout(timer);
			timer = setTimeout(() => finish({ passed: false, outcome: 'timeout', stdout: '', traceback: '',
				reason: `no answer within ${timeoutMs} ms` }), timeoutMs);
		};
		worker.on('message', (message) => {
			if (message.done) {
				finish();
			} else {
				results.push(message);
				arm();
			}
		});
		worker.on('error', (e) => finish({ passed: false, outcome: 'crash', stdout: '', traceback: '',
			reason: `MicroPython stopped: ${e.stack ?? e}` }));
		worker.on('exit', () => finish());
		arm();
	});
}

/** @returns {path relative to root: bytes} of every file under root */
function readTree(root, prefix = '') {
	const files = {};
	for (const name of readdirSync(join(root, prefix))) {
		const relative = prefix + '/' + name;
		if (statSync(join(root, relative)).isDirectory()) {
			Object.assign(files, readTree(root, relative));
		} else {
			files[relative] = readFileSync(join(root, relative));
		}
	}
	return files;
}

async function runGroup({ entry, stubs, samples }) {
	const { loadMicroPython } = await import(entry);
	const stdin = new Stdin();
	let board = await boot(loadMicroPython, stdin, { ...stubs.board, ...prefixed(stubs.firmware) }, stubs.boot);
	for (const sample of samples) {
		const started = Date.now();
		stdin.restart();
		const answer = board.exec(sample.code);
		const result = judge(sample, answer);
		result.stdinBytes = stdin.count;
		result.stdinSha256 = stdin.sha256();
		result.millis = Date.now() - started;
		parentPort.postMessage(result);
		if (result.outcome === 'reset') {
			board = await boot(loadMicroPython, stdin, board.files(), stubs.boot);
		}
	}
	parentPort.postMessage({ done: true });
}

function prefixed(files) {
	return Object.fromEntries(Object.entries(files).map(([path, bytes]) => [FIRMWARE_DIR + path, bytes]));
}

/** A fresh MicroPython holding these files, in the raw REPL. */
async function boot(loadMicroPython, stdin, files, bootCode) {
	let output = [];
	const mp = await loadMicroPython({ linebuffer: false, stdout: (bytes) => output.push(...bytes),
		stdin: () => stdin.next() });
	for (const [path, bytes] of Object.entries(files)) {
		mp.FS.mkdirTree(path.substring(0, path.lastIndexOf('/')) || '/');
		mp.FS.writeFile(path, bytes);
	}
	const send = (bytes) => {
		for (const b of bytes) {
			mp.replProcessChar(b);
		}
	};
	const take = () => {
		const text = new TextDecoder().decode(new Uint8Array(output));
		output = [];
		return text;
	};
	mp.replInit();
	mp.runPython(bootCode);
	send(Buffer.from('\r\x01'));
	const banner = take();
	if (!banner.endsWith(RAW_BANNER)) {
		throw new Error(`MicroPython did not enter the raw REPL; it answered ${JSON.stringify(banner)}`);
	}
	return {
		exec(code) {
			send(Buffer.from(code, 'utf8'));
			send([4]);
			return take();
		},
		files() {
			return readBoardTree(mp.FS, '');
		},
	};
}

function readBoardTree(fs, dir) {
	const files = {};
	for (const name of fs.readdir(dir || '/')) {
		const path = dir + '/' + name;
		if (name === '.' || name === '..' || KEPT_OUT.has(path)) {
			continue;
		}
		if (fs.isDir(fs.stat(path).mode)) {
			Object.assign(files, readBoardTree(fs, path));
		} else {
			files[path] = fs.readFile(path);
		}
	}
	return files;
}

/** Reads the raw REPL's answer `OK<stdout>\x04<traceback>\x04>` against what the sample expects. */
function judge(sample, answer) {
	const match = /^OK([^\x04]*)\x04([^\x04]*)\x04>$/s.exec(answer);
	if (!match) {
		return { passed: false, outcome: 'unexpected', stdout: answer, traceback: '',
			reason: 'the raw REPL did not answer OK<stdout>\\x04<traceback>\\x04>' };
	}
	const [, stdout, traceback] = match;
	const lines = traceback.trim().split(/\r?\n/);
	const errorType = traceback ? lines[lines.length - 1].split(':')[0].trim() : null;
	const expected = sample.expectedError ?? null;
	if (errorType === 'BoardReset' && expected === null) {
		return { passed: true, outcome: 'reset', stdout, traceback, errorType };
	}
	if (expected === null) {
		return errorType === null
			? { passed: true, outcome: 'ok', stdout, traceback, errorType }
			: { passed: false, outcome: 'error', stdout, traceback, errorType, reason: `raised ${errorType}` };
	}
	if (errorType === expected) {
		return { passed: true, outcome: expected === 'BoardReset' ? 'reset' : 'expected-error', stdout, traceback,
			errorType };
	}
	return { passed: false, outcome: 'error', stdout, traceback, errorType,
		reason: errorType === null ? `ran cleanly instead of raising ${expected}`
			: `raised ${errorType} instead of ${expected}` };
}

/** sys.stdin.buffer of the MicroPython: an endless deterministic byte sequence, counted and hashed per sample. */
class Stdin {
	restart() {
		this.count = 0;
		this.hash = createHash('sha256');
	}

	next() {
		const b = (this.count * 7 + (this.count >> 8)) & 0xff;
		this.count++;
		this.hash.update(Uint8Array.of(b));
		return b;
	}

	sha256() {
		return this.hash.digest('hex');
	}
}

// at the end: the class above must be initialised before a worker uses it
if (isMainThread) {
	process.exitCode = await main(process.argv.slice(2));
	process.exit();
} else {
	await runGroup(workerData);
}
