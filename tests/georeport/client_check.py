"""Reads a running Kontakt's Open311 endpoint with PyPI's `georeport` client, in JSON and
in XML: the services, one service definition, the requests and one request.

Usage: client_check.py ROOT_URL JURISDICTION SERVICE_CODE SERVICE_REQUEST_ID
Prints what it read as JSON; exits non-zero with the reason when anything is off.
"""

import json
import sys

from georeport import GeoReport


def as_list(value):
    # xmltodict gives a dict for a single element and a list for several.
    return value if isinstance(value, list) else [value]


def check(root, jurisdiction, code, request_id, output_format):
    client = GeoReport(root, jurisdiction=jurisdiction, output_format=output_format)

    services = as_list(client.get_service_list())
    codes = [service["service_code"] for service in services]
    assert code in codes, f"{code} not among the services {codes}"
    service = next(s for s in services if s["service_code"] == code)
    for key in ("service_name", "metadata", "type"):
        assert key in service, f"service without {key}: {service}"

    definition = client.get_service_definition(code)
    assert definition["service_code"] == code, definition
    attributes = definition["attributes"]
    if output_format == "xml":
        attributes = as_list(attributes["attribute"])
    assert attributes, "the service definition has no attributes"
    for attribute in attributes:
        for key in ("code", "datatype", "required", "variable"):
            assert key in attribute, f"attribute without {key}: {attribute}"

    requests = as_list(client.get_service_requests(service_code=code))
    ids = [r["service_request_id"] for r in requests]
    assert request_id in ids, f"{request_id} not among the requests {ids}"

    one = client.get_service_request(request_id)
    assert one["service_request_id"] == request_id, one
    assert one["status"] in ("open", "closed"), one
    assert float(one["lat"]) and float(one["long"]), one
    return {
        "services": len(services),
        "attributes": len(attributes),
        "requests": len(requests),
        "request": {k: one.get(k) for k in ("service_request_id", "status", "service_code")},
    }


def main():
    root, jurisdiction, code, request_id = sys.argv[1:5]
    result = {fmt: check(root, jurisdiction, code, request_id, fmt) for fmt in ("json", "xml")}
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
