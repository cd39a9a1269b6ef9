using System.Net;
using System.Net.Sockets;

namespace IdentityProvider.Testing;

/// <summary>Finds a TCP port that is free on the loopback interface right now.</summary>
public static class FreePort
{
    // Why: binding to port 0 lets the kernel pick a free port; another process may still
    // take it before the caller binds, so callers that can should retry on a clash.
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
