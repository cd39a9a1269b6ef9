using System.Globalization;
using System.Text;
using Serilog.Core;
using Serilog.Events;

namespace IdentityProvider.Hosting;

/// <summary>
/// Escapes control characters in every string property of a log event (<c>\n</c>, <c>\r</c>, <c>\u001b</c>…), so a
/// value a user typed cannot start a forged line in the text log or move a terminal's cursor. Warning: the JSON
/// format escapes by itself; the text format does not, hence this for both.
/// </summary>
internal sealed class EscapeControlCharacters : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (value is ScalarValue { Value: string text } && text.Any(char.IsControl))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(Escape(text))));
            }
        }
    }

    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var character in text)
        {
            escaped.Append(character switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(character) => "\\u" + ((int)character).ToString("x4", CultureInfo.InvariantCulture),
                _ => character.ToString(),
            });
        }

        return escaped.ToString();
    }
}
