using System.Globalization;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.UnitTests.Localization;

/// <summary>A resource of a few entries, for the services that turn their messages into texts of the reader's language.</summary>
internal sealed class StaticTexts(Dictionary<string, string> entries) : IStringLocalizer
{
    public LocalizedString this[string name] =>
        entries.TryGetValue(name, out var value) ? new(name, value) : new(name, name, resourceNotFound: true);

    public LocalizedString this[string name, params object[] arguments] =>
        this[name] is { ResourceNotFound: false } found ? new(name, string.Format(CultureInfo.InvariantCulture, found.Value, arguments)) : this[name];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => entries.Select(entry => new LocalizedString(entry.Key, entry.Value));
}
