console.log("test console app-abc123");
