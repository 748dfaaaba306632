using System.Runtime.CompilerServices;

// Protocol tests reach the document analysis and a test-only schema hook directly.
[assembly: InternalsVisibleTo("Totara.Emulator.Tests")]
