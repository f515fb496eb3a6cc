using Portal.Infra;
using Portal.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalInfra();
builder.AddPortalWeb();

var app = builder.Build();

app.UsePortalWeb();

app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
