// @stdout-only (Node prints the pending await's source location, which QuickJS cannot report)
console.log('waiting forever');
await new Promise(() => {});
