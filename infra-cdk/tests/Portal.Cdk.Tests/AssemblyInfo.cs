using Portal.Cdk.Tests.Support;

// jsii starts a Node.js process and synthesis takes seconds: every test class shares one synthesized app.
[assembly: AssemblyFixture(typeof(SynthesizedApp))]
