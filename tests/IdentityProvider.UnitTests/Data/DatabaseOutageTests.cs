using System.Net.Sockets;
using IdentityProvider.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IdentityProvider.UnitTests.Data;

public class DatabaseOutageTests
{
    [Fact]
    public void Is_ConnectionRefused_IsAnOutage() =>
        Assert.True(DatabaseOutage.Is(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));

    [Fact]
    public void Is_TimeoutInsideEfException_IsAnOutage() =>
        Assert.True(DatabaseOutage.Is(new InvalidOperationException("query failed", new TimeoutException())));

    [Theory]
    [InlineData("22021")] // invalid byte sequence: NUL in text
    [InlineData("23505")] // unique violation
    [InlineData("22001")] // value too long
    public void Is_RequestRefusedByTheDatabase_IsNotAnOutage(string sqlState) =>
        Assert.False(DatabaseOutage.Is(new DbUpdateException("save failed", new PostgresException("refused", "ERROR", "ERROR", sqlState))));

    [Theory]
    [InlineData("57P01")] // administrator shutdown
    [InlineData("3D000")] // the database is gone
    [InlineData("53300")] // too many connections
    [InlineData("28P01")] // the login no longer works
    public void Is_DatabaseUnusable_IsAnOutage(string sqlState) =>
        Assert.True(DatabaseOutage.Is(new PostgresException("unusable", "FATAL", "FATAL", sqlState)));
}
