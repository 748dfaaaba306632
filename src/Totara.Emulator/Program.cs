// Replaced by the standalone command line (see docs/emulator.md).
return 0;
