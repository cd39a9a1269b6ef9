using System.Globalization;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Localization;

/// <summary>
/// A sentence a service says about a refusal or a result, for a page to show in the reader's language: its key in
/// the resource of that part of the site, its English text (a format string) and the values of its placeholders.
/// Where a plain string is wanted (the admin API's problem documents, logs) it is the English text.
/// </summary>
/// <remarks>A value that is itself a <see cref="Sentence"/> (a field's name, say) is translated along with it.</remarks>
public sealed class Sentence(string key, string english, params object?[] arguments)
{
    public string Key { get; } = key;

    /// <summary>The English format string, as the English resource has it.</summary>
    public string Template { get; } = english;

    public IReadOnlyList<object?> Arguments { get; } = arguments;

    /// <summary>The English text, placeholders filled.</summary>
    public string English => string.Format(CultureInfo.InvariantCulture, Template, [.. Arguments.Select(value => value is Sentence inner ? inner.English : value)]);

    /// <summary>The text in the language of <paramref name="texts"/> (the request's); the English text when the key is missing.</summary>
    public string In(IStringLocalizer texts)
    {
        if (Key.Length == 0)
        {
            return English;
        }

        var localized = texts[Key, [.. Arguments.Select(value => value is Sentence inner ? inner.In(texts) : value ?? "")]];
        return localized.ResourceNotFound ? English : localized.Value;
    }

    public override string ToString() => English;

    /// <summary>A text that is in the reader's language already (Identity's messages, through <see cref="LocalizedIdentityErrors"/>).</summary>
    public static Sentence Plain(string text) => new("", "{0}", text);

    /// <summary>The English text where a string is wanted (the admin API, logs).</summary>
    public static implicit operator string(Sentence sentence) => sentence.English;
}
