// Preloaded with `node -r`: prints the process's peak resident memory (KB) on exit, to stderr.
'use strict';
process.on('exit', () => process.stderr.write(`maxrss-kb ${process.resourceUsage().maxRSS}\n`));
