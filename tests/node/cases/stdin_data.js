// @stdin line one\nline two\nlast
let text = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { text += chunk; });
process.stdin.on('end', () => {
  console.log(JSON.stringify(text));
  console.log(text.split('\n').length, 'lines');
});
