#!/usr/bin/env node
console.log('shebang line skipped');
