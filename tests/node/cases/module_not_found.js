console.log('about to require');
require('./no-such-module');
