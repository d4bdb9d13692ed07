#!/usr/bin/env tsx
// The `kmb` bin: TypeScript run by tsx, like every script in this repo.
import "./cli.js";
