using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace IdentityProvider.UnitTests.Deployment;

/// <summary>
/// The container and Kubernetes files cannot be run on machines without a Docker engine, so these tests
/// check what can go wrong without one: valid YAML, files they name exist, ports and keys agree.
/// </summary>
public sealed class DeploymentFilesTests
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    [Fact]
    public void Compose_HasPostgresTwoProvidersAndTlsProxy()
    {
        var services = Map(Compose()["services"]);

        Assert.StartsWith("postgres:", (string)Map(services["postgres"])["image"]);
        Assert.True(Map(services["postgres"]).ContainsKey("healthcheck"));
        Assert.Contains("pgdata:/var/lib/postgresql/data", List(Map(services["postgres"])["volumes"]));
        Assert.Contains("443:443", List(Map(services["proxy"])["ports"]));
        foreach (var instance in new[] { "idp-a", "idp-b" })
        {
            var build = Map(Map(services[instance])["build"]);
            Assert.True(RepositoryFiles.Exists((string)build["dockerfile"]), $"{instance} builds from a Dockerfile that exists");
            Assert.Equal("service_completed_successfully", Map(Map(Map(services[instance])["depends_on"])["migrate"])["condition"]);
        }

        Assert.Equal(["--migrate"], List(Map(services["migrate"])["command"]));
    }

    [Fact]
    public void Compose_ProxyAddressIsTheOnlyTrustedForwarder()
    {
        var services = Map(Compose()["services"]);
        var proxyAddress = (string)Map(Map(Map(services["proxy"])["networks"])["idp"])["ipv4_address"];
        var environment = Map(Map(services["idp-a"])["environment"]);

        Assert.Equal(proxyAddress, environment["ForwardedHeaders__KnownProxies__0"]);
        var caddyfile = RepositoryFiles.Read("deploy/Caddyfile");
        Assert.Contains("reverse_proxy idp-a:8080 idp-b:8080", caddyfile);
        Assert.Contains("/etc/caddy/Caddyfile", string.Join(' ', List(Map(services["proxy"])["volumes"])));
    }

    [Fact]
    public void Compose_EveryProviderVariableIsDocumented()
    {
        var documented = RepositoryFiles.DocumentedKeys();
        var environment = Map(Map(Map(Compose()["services"])["idp-a"])["environment"]);

        var undocumented = environment.Keys.Cast<string>()
            .Where(name => !RepositoryFiles.IsPlatformVariable(name))
            .Select(RepositoryFiles.ConfigurationKey)
            .Where(key => !documented.Contains(key))
            .ToList();

        Assert.Empty(undocumented);
    }

    [Fact]
    public void Compose_MailGoesToTheDevelopmentCatcher()
    {
        var services = Map(Compose()["services"]);
        var environment = Map(Map(services["idp-a"])["environment"]);

        Assert.StartsWith("rnwood/smtp4dev", (string)Map(services["smtp4dev"])["image"]);
        Assert.Equal("smtp4dev", environment["Email__Smtp__Host"]);
        Assert.Equal("None", environment["Email__Smtp__Security"]);
    }

    [Fact]
    public void Readme_DocumentsEveryEmailKey()
    {
        var documented = RepositoryFiles.DocumentedKeys();
        string[] keys =
        [
            "Email:Smtp:Host", "Email:Smtp:Port", "Email:Smtp:Security", "Email:Smtp:UserName", "Email:Smtp:Password", "Email:From",
            "Email:ProductName", "Email:PickupDirectory", "Email:ResetLinkMinutes", "Email:ResetLinksPerAccountPerHour",
            "Email:ResetRequestsPerAddressPerHour", "Email:PollSeconds", "Email:MaxAttempts",
        ];

        Assert.All(keys, key => Assert.Contains(key, documented));
        var settingsSource = RepositoryFiles.Read("src/IdentityProvider/Settings/EmailSettings.cs");
        Assert.All(keys, key => Assert.Contains($"\"{key.Split(':')[^1]}\"", settingsSource));
    }

    [Fact]
    public void Dockerfile_CopiesExistingFilesRunsAsNonRootWithHealthCheck()
    {
        var dockerfile = RepositoryFiles.Read("deploy/Dockerfile").Split('\n');

        foreach (var copy in dockerfile.Where(line => line.StartsWith("COPY ", StringComparison.Ordinal) && !line.Contains("--from")))
        {
            var sources = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1];
            Assert.All(sources, source => Assert.True(RepositoryFiles.Exists(source), $"COPY source {source} exists"));
        }

        Assert.Contains(dockerfile, line => line.Trim() == "USER $APP_UID");
        Assert.Contains(dockerfile, line => line.Contains("--health-check") && line.Contains("/health/ready"));
        Assert.Contains(dockerfile, line => line.Contains("ASPNETCORE_HTTP_PORTS=8080"));
        Assert.Contains(dockerfile, line => line.Trim() == "EXPOSE 8080");
    }

    [Fact]
    public void Kubernetes_DeploymentHasTwoReplicasProbesAndReadOnlyRoot()
    {
        var deployment = Documents("deploy/kubernetes/deployment.yaml").Single();
        var spec = Map(deployment["spec"]);
        var container = Map(List(Map(Map(spec["template"])["spec"])["containers"]).Single());

        Assert.Equal("2", spec["replicas"]);
        Assert.Equal("/health/ready", Map(Map(container["readinessProbe"])["httpGet"])["path"]);
        Assert.Equal("/health/live", Map(Map(container["livenessProbe"])["httpGet"])["path"]);
        Assert.Equal("8080", Map(List(container["ports"]).Single())["containerPort"]);
        Assert.Equal("true", Map(container["securityContext"])["readOnlyRootFilesystem"]);
    }

    [Fact]
    public void Kubernetes_MigrationsRunAsJobWithTheSameConfiguration()
    {
        var job = Documents("deploy/kubernetes/migrate-job.yaml").Single();
        var container = Map(List(Map(Map(Map(job["spec"])["template"])["spec"])["containers"]).Single());

        Assert.Equal("Job", job["kind"]);
        Assert.Equal(["--migrate"], List(container["args"]));
    }

    [Fact]
    public void Kubernetes_ConfigurationKeysAreDocumentedAndFilesListed()
    {
        var documented = RepositoryFiles.DocumentedKeys();
        var keys = Documents("deploy/kubernetes/configmap.yaml").Concat(Documents("deploy/kubernetes/secret.yaml"))
            .Where(document => document.ContainsKey("stringData") || (string)document["kind"] == "ConfigMap")
            .SelectMany(document => Map(document.TryGetValue("stringData", out var data) ? data : document["data"]).Keys.Cast<string>());

        var undocumented = keys.Where(name => !RepositoryFiles.IsPlatformVariable(name))
            .Select(RepositoryFiles.ConfigurationKey)
            .Where(key => !documented.Contains(key))
            .ToList();
        Assert.Empty(undocumented);
        var listed = List(Documents("deploy/kubernetes/kustomization.yaml").Single()["resources"]);
        Assert.All(listed, file => Assert.True(RepositoryFiles.Exists(Path.Combine("deploy/kubernetes", (string)file)), $"{file} exists"));
    }

    private static Dictionary<object, object> Compose() => Documents("docker-compose.yml").Single();

    private static List<Dictionary<object, object>> Documents(string path)
    {
        // MergingParser resolves the `<<: *anchor` merge keys compose files use.
        var parser = new MergingParser(new Parser(new StringReader(RepositoryFiles.Read(path))));
        parser.Consume<YamlDotNet.Core.Events.StreamStart>();
        var documents = new List<Dictionary<object, object>>();
        while (parser.Accept<YamlDotNet.Core.Events.DocumentStart>(out _))
        {
            documents.Add(Yaml.Deserialize<Dictionary<object, object>>(parser));
        }

        return documents;
    }

    private static Dictionary<object, object> Map(object value) => Assert.IsType<Dictionary<object, object>>(value);

    private static List<object> List(object value) => Assert.IsType<List<object>>(value);
}
