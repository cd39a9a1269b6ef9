using IdentityProvider.Hosting;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace IdentityProvider.UnitTests.Hosting;

public class EscapeControlCharactersTests
{
    [Fact]
    public void TextLog_ValueWithNewline_StaysOnOneLine()
    {
        var output = new StringWriter();
        var sink = new TextSink(output, new MessageTemplateTextFormatter("[{Level:u3}] {Message:lj}{NewLine}"));
        using (var logger = new LoggerConfiguration().Enrich.With<EscapeControlCharacters>().WriteTo.Sink(sink).CreateLogger())
        {
            logger.Information("Token {Label} created", "x\n[00:00 INF] forged\r\u001b[2J\u0007");
        }

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.Contains(@"x\n[00:00 INF] forged\r\u001b[2J\u0007", line, StringComparison.Ordinal);
    }

    /// <summary>The console sink's text format, written to a string.</summary>
    private sealed class TextSink(TextWriter output, ITextFormatter formatter) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => formatter.Format(logEvent, output);
    }

    [Theory]
    [InlineData("plain label", "plain label")]
    [InlineData("tab\there", @"tab\there")]
    [InlineData("bell\u0007", @"bell\u0007")]
    public void Escape_ControlCharacters_BecomeVisibleEscapes(string raw, string expected) =>
        Assert.Equal(expected, EscapeControlCharacters.Escape(raw));
}
