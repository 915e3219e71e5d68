console.log('esm before');
throw new RangeError('esm top-level throw');
