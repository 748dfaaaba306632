using System.Management.Automation.Host;

namespace Totara.DemoRunner;

/// <summary>
/// Just enough of a console for the formatter: its width (tables are fitted to it) and colours.
/// There is no screen buffer to read or scroll; a redirected console is 120 columns wide.
/// </summary>
internal sealed class DemoHostRawUserInterface : PSHostRawUserInterface
{
    private const int RedirectedWidth = 120;

    public override ConsoleColor ForegroundColor { get => Console.ForegroundColor; set => Console.ForegroundColor = value; }
    public override ConsoleColor BackgroundColor { get => Console.BackgroundColor; set => Console.BackgroundColor = value; }
    public override Size BufferSize { get => new(Width, 3000); set { } }
    public override Size WindowSize { get => new(Width, 50); set { } }
    public override Size MaxWindowSize => WindowSize;
    public override Size MaxPhysicalWindowSize => WindowSize;
    public override Coordinates CursorPosition { get; set; }
    public override Coordinates WindowPosition { get; set; }
    public override int CursorSize { get; set; }
    public override string WindowTitle { get; set; } = "Totara.DemoRunner";
    public override bool KeyAvailable => false;

    public override void FlushInputBuffer() { }
    public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException("The demo runner reads no keys.");
    public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException("The demo runner has no screen buffer.");
    public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }
    public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
    public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }

    private static int Width
    {
        get
        {
            if (Console.IsOutputRedirected) return RedirectedWidth;
            try { return Math.Max(40, Console.WindowWidth - 1); }
            catch (IOException) { return RedirectedWidth; }
        }
    }
}
