// Who a recommendation is addressed to: the force (it owes a response) or only other bodies
// (the paper says to whom, in full).
import { describe, expect, it } from "vitest";
import { bodyName, readAddressee } from "../../src/model/addressee.js";

describe("readAddressee", () => {
  it.each([null, "", "Police", "Police and CPS", "Police, CPS", "All forces", "Chief constables", "Police and Crime Commissioner", "Cambridgeshire Constabulary", "PCCs and CPS"])(
    "%j addresses the force",
    (text) => {
      expect(readAddressee(text)).toEqual({ force: true, otherBodies: [] });
    },
  );

  it("spells out the bodies trackers name by their initials", () => {
    expect(readAddressee("CPS").otherBodies).toEqual(["the Crown Prosecution Service"]);
    expect(readAddressee("CPS only").otherBodies).toEqual(["the Crown Prosecution Service"]);
    expect(readAddressee("HMPPS").otherBodies).toEqual(["HM Prison and Probation Service"]);
    expect(readAddressee("NHS").otherBodies).toEqual(["the National Health Service"]);
    expect(readAddressee("CPS and HMCTS").otherBodies).toEqual(["the Crown Prosecution Service", "HM Courts & Tribunals Service"]);
  });

  it("keeps a body whose own name has 'and' in it whole", () => {
    expect(readAddressee("HM Prison and Probation Service").otherBodies).toEqual(["HM Prison and Probation Service"]);
    expect(readAddressee("Department of Health and Social Care / NHS England").otherBodies).toEqual(["the Department of Health and Social Care", "NHS England"]);
  });

  it("writes an unknown body as the tracker does, with 'the' before a proper name", () => {
    expect(bodyName("Youth Justice Board")).toBe("the Youth Justice Board");
    expect(bodyName("local authorities")).toBe("local authorities");
    expect(bodyName("The Probation Service")).toBe("The Probation Service");
  });
});
