// Framework YAML -> JSON as the server converts it (src/screening/yaml_json.cc): the YAML 1.2 core
// schema for plain scalars (null, booleans, decimal integers and floats), quoted scalars stay
// strings. yaml-cpp has no hexadecimal, octal, .inf or .nan numbers, so neither has this.
// Used by the tests that evaluate frameworks/*.yaml in Node; the app gets frameworks as JSON.

import { parse, type Tags } from 'yaml';

function serverTags(tags: Tags): Tags {
  return tags.filter((tag) => {
    if (typeof tag !== 'object' || !('test' in tag) || !tag.test) return true;
    const format = 'format' in tag ? tag.format : undefined;
    return format !== 'OCT' && format !== 'HEX' && !tag.test.test('.inf');
  });
}

/** Parses one YAML document to plain JSON values; throws on a syntax error. */
export function yamlToJson(text: string): unknown {
  return parse(text, { schema: 'core', customTags: serverTags });
}
