using Portal.Cli;

return await PortalCommand.Create().Parse(args).InvokeAsync();
