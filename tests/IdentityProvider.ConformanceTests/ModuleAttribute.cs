namespace IdentityProvider.ConformanceTests;

/// <summary>
/// A test that does what one module of the OpenID Foundation's conformance suite does, and checks what it checks
/// (its FAILURE conditions; the WARNING conditions where the provider meets them, the rest in docs/CONFORMANCE.md).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ModuleAttribute(string name) : FactAttribute
{
    /// <summary>The module's name in the suite, e.g. <c>oidcc-server</c>.</summary>
    public string Name { get; } = name;
}
