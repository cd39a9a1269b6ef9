using System.Reflection;

namespace IdentityProvider.Testing.Pages;

/// <summary>
/// Every page of the provider, found from the page objects themselves (each <see cref="IPageObject{TSelf}"/> with a
/// <c>Path</c> constant or a <c>PathFor</c> method), plus the few pages no test drives through a page object; so a new
/// page object is in the header suite without anyone listing it.
/// </summary>
public static class PageCatalog
{
    /// <summary>Pages without a page object (the home page, the admin area's start, access denied, the error page).</summary>
    public static readonly IReadOnlyList<string> PagesWithoutPageObject = ["/", "/admin", "/Account/AccessDenied", "/Error"];

    /// <summary>The page object types, by name.</summary>
    public static IReadOnlyList<Type> PageObjectTypes { get; } = typeof(PageCatalog).Assembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false }
            && type.GetInterfaces().Any(contract => contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IPageObject<>)))
        .OrderBy(type => type.Name)
        .ToList();

    /// <summary>
    /// The address of a page object's page; a <c>PathFor</c> takes the fixture's value named like its parameter
    /// (<c>userId</c>, <c>clientId</c>, <c>name</c> of a scope, <c>serial</c>; a Guid id or a passkey's <c>credentialId</c> is
    /// unknown: the page's not-found answer).
    /// </summary>
    public static string PathOf(Type pageObject, IReadOnlyDictionary<string, string> ids)
    {
        if (pageObject.GetField("Path", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } path)
        {
            return (string)path.GetRawConstantValue()!;
        }

        var pathFor = pageObject.GetMethod("PathFor", BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{pageObject.Name} has neither a Path constant nor a PathFor method.");
        var parameter = pathFor.GetParameters().Single();
        object argument = parameter.ParameterType == typeof(Guid) ? Guid.Empty
            : parameter.Name == UnknownCredential.Key ? UnknownCredential.Value
            : ids.TryGetValue(parameter.Name!, out var id) ? id : throw new InvalidOperationException($"No value for {pageObject.Name}.PathFor({parameter.Name}).");
        return (string)pathFor.Invoke(null, [argument])!;
    }

    /// <summary>A credential id (base64url) no passkey has.</summary>
    private static readonly KeyValuePair<string, string> UnknownCredential = new("credentialId", "AAAAAAAAAAAAAAAAAAAAAA");

    /// <summary>Who may open a page: the account pages need a signed-in user, the admin area an administrator.</summary>
    public static Visitor VisitorOf(string path) =>
        path.StartsWith("/admin", StringComparison.OrdinalIgnoreCase) ? Visitor.Admin
        : path.StartsWith("/Manage", StringComparison.OrdinalIgnoreCase) ? Visitor.SignedIn
        : Visitor.Anonymous;
}
