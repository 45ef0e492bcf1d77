#!/usr/bin/env node
// Entry point: `node server/out/server.js --stdio` (or --node-ipc when started by the VS Code client).
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

startServer(createConnection(ProposedFeatures.all));
