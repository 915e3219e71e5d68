console.log('start');
Promise.reject(new Error('nobody handles me'));
setTimeout(() => console.log('never'), 10);
