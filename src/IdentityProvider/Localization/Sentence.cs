using Microsoft.Extensions.Localization;

namespace IdentityProvider.Localization;

/// <summary>
/// A sentence a service says about a refusal or a result: its key in <see cref="MessageText"/> and the values of its
/// placeholders. Its words live only in the resources: a page shows it in the reader's language (<see cref="In"/>),
/// the admin API, logs and exceptions in English (<see cref="English"/>).
/// </summary>
/// <remarks>A value that is itself a <see cref="Sentence"/> (a field's name, say) is translated along with it.</remarks>
public sealed class Sentence(string key, params object?[] arguments)
{
    public string Key { get; } = key;

    public IReadOnlyList<object?> Arguments { get; } = arguments;

    /// <summary>The text in English, placeholders filled.</summary>
    public string English => Key.Length == 0
        ? PlainText
        : EnglishMessages.Get(Key, [.. Arguments.Select(value => value is Sentence inner ? inner.English : value ?? "")]).Value;

    /// <summary>The text in the reader's language (the request's); English where that language lacks the key.</summary>
    public string In(IStringLocalizer<MessageText> texts)
    {
        if (Key.Length == 0)
        {
            return PlainText;
        }

        var localized = texts[Key, [.. Arguments.Select(value => value is Sentence inner ? inner.In(texts) : value ?? "")]];
        return localized.ResourceNotFound ? English : localized.Value;
    }

    public override string ToString() => English;

    /// <summary>A text that is in the reader's language already (Identity's messages, through <see cref="LocalizedIdentityErrors"/>).</summary>
    public static Sentence Plain(string text) => new("", text);

    private string PlainText => Arguments[0] as string ?? "";
}
