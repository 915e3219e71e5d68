'use strict';

// `stream/consumers`: a whole stream (a Node stream, or any async iterable of strings,
// buffers, ArrayBuffers or views) read into one value.

const { Buffer } = require('buffer');

// Every chunk of `stream`, in order, once it has ended.
async function chunksOf(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

async function blob(stream) {
  return new Blob(await chunksOf(stream));
}

async function arrayBuffer(stream) {
  return (await blob(stream)).arrayBuffer();
}

async function buffer(stream) {
  return Buffer.from(await arrayBuffer(stream));
}

// Bytes are decoded as UTF-8 across chunk boundaries; string chunks are taken as they are.
async function text(stream) {
  const decoder = new TextDecoder();
  let out = '';
  for await (const chunk of stream) {
    out += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  }
  return out + decoder.decode();
}

async function json(stream) {
  return JSON.parse(await text(stream));
}

module.exports = { arrayBuffer, blob, buffer, json, text };
