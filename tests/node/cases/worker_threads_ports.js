// MessagePorts sent across threads: in workerData's and postMessage's transfer lists, both
// ways, passed on again, with messages queued before the transfer going along; a port's
// synchronous use (receiveMessageOnPort after Atomics.wait, as synckit does); transferred
// ArrayBuffers detached; the clone errors; and 'close' when the other side closes or its
// thread ends.
const { Worker, MessageChannel, MessagePort, isMainThread, parentPort, workerData, receiveMessageOnPort } =
  require('worker_threads');

if (!isMainThread) {
  const { port, mode } = workerData;
  if (mode === 'echo') {
    port.on('message', (m) => {
      if (m === 'bye') {
        port.close();
        return;
      }
      if (m && m.reply instanceof MessagePort) {
        m.reply.postMessage(`on the passed port: ${m.text}`);
        m.reply.close();
        return;
      }
      port.postMessage({ echo: m, isPort: port instanceof MessagePort });
    });
  } else if (mode === 'sync') {
    // Answers each request on the port, then wakes the waiting parent.
    const { signal } = workerData;
    port.on('message', ({ n }) => {
      port.postMessage(n * n);
      Atomics.add(signal, 0, 1);
      Atomics.notify(signal, 0);
    });
  } else if (mode === 'back') {
    const { port1, port2 } = new MessageChannel();
    port1.postMessage('queued before the transfer');
    parentPort.postMessage({ port: port2 }, [port2]);
    port1.on('message', (m) => {
      port1.postMessage(`worker got ${m}`);
      setTimeout(() => process.exit(0), 20);
    });
  }
  return;
}

const steps = [
  (next) => {
    const { port1, port2 } = new MessageChannel();
    port2.postMessage('sent before the transfer');
    const w = new Worker(__filename, { workerData: { port: port2, mode: 'echo' }, transferList: [port2] });
    const seen = [];
    console.log('sender side detached:', port2.postMessage('dropped') === undefined);
    port1.on('message', (m) => {
      seen.push(JSON.stringify(m));
      if (seen.length === 1) port1.postMessage({ n: 1, list: [1, 2], when: new Date(0) });
      else if (seen.length === 2) {
        const passed = new MessageChannel();
        passed.port1.on('message', (text) => {
          console.log(text);
          passed.port1.close();
          port1.postMessage('bye');
        });
        port1.postMessage({ reply: passed.port2, text: 'hi' }, [passed.port2]);
      }
    });
    port1.on('close', () => {
      console.log(seen.join('\n'));
      console.log('port closed by the worker');
      w.terminate().then(() => next());
    });
  },
  (next) => {
    const { port1, port2 } = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const w = new Worker(__filename, { workerData: { port: port2, mode: 'sync', signal }, transferList: [port2] });
    w.on('online', () => {
      const answers = [];
      for (let n = 2; n <= 4; n++) {
        const before = Atomics.load(signal, 0);
        port1.postMessage({ n });
        Atomics.wait(signal, 0, before, 5000);
        answers.push(receiveMessageOnPort(port1)?.message);
      }
      console.log('sync answers', answers, receiveMessageOnPort(port1));
      port1.close();
      w.terminate().then(() => next());
    });
  },
  (next) => {
    const w = new Worker(__filename, { workerData: { mode: 'back' } });
    w.on('message', ({ port }) => {
      const got = [];
      port.on('message', (m) => {
        got.push(m);
        if (got.length === 1) port.postMessage('hello');
      });
      port.on('close', () => {
        console.log('from the worker\'s port:', got, '(closed when the worker ended)');
        next();
      });
    });
  },
  (next) => {
    const { port1, port2 } = new MessageChannel();
    const w = new Worker('setInterval(() => {}, 1000)', { eval: true });
    const buffer = new ArrayBuffer(8);
    w.postMessage({ buffer }, [buffer]);
    console.log('transferred buffer length', buffer.byteLength);
    for (const [what, send] of [
      ['port not in the list', () => w.postMessage({ port1 })],
      ['source port', () => port1.postMessage(port2, [port1])],
      ['duplicate', () => w.postMessage(port1, [port1, port1])],
      ['invalid value', () => w.postMessage(1, [{}])],
      ['not a list', () => w.postMessage(1, 5)],
    ]) {
      try {
        send();
        console.log(what, 'sent');
      } catch (e) {
        console.log(what, e.name, e.code, e.message);
      }
    }
    port1.close();
    w.terminate().then(() => next());
  },
];
(function run(i) {
  if (i < steps.length) steps[i](() => run(i + 1));
})(0);
